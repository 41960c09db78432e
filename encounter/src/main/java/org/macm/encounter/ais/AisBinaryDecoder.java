package org.macm.encounter.ais;

import static org.macm.encounter.ais.AisPayloadDecoder.mmsi;
import static org.macm.encounter.ais.AisPayloadDecoder.ok;
import static org.macm.encounter.ais.AisPayloadDecoder.repeat;
import static org.macm.encounter.ais.AisPayloadDecoder.shortMessage;

import java.util.Optional;
import java.util.OptionalInt;
import org.macm.encounter.ais.binary.ApplicationDecoder;
import org.macm.encounter.ais.binary.ApplicationMessage;
import org.macm.encounter.ais.binary.BinaryData;
import org.macm.encounter.decode.DecodeResult;

/**
 * Decodes the AIS messages that carry binary data: the addressed and broadcast envelopes
 * (6, 8), the single- and multi-slot binary messages (25, 26) and DGNSS corrections (17).
 * The envelope is read here; the data is handed, with its DAC and FI, to the
 * {@link ApplicationDecoder}, and kept as raw bits either way so nothing the sender said is
 * lost when its application is unknown.
 */
final class AisBinaryDecoder {
    private final AisPoints points;
    private final ApplicationDecoder applications;

    AisBinaryDecoder(AisPoints points, ApplicationDecoder applications) {
        this.points = points;
        this.applications = applications;
    }

    DecodeResult<AisMessage> decode(SixBitPayload p, int type) {
        int bits = p.bitLength();
        return switch (type) {
            case 6 -> bits < 88 ? shortMessage(type, bits, 88) : ok(addressed(p));
            case 8 -> bits < 56 ? shortMessage(type, bits, 56) : ok(broadcast(p));
            case 17 -> bits < 80 ? shortMessage(type, bits, 80) : ok(dgnss(p));
            case 25 -> slotBinary(p, false);
            case 26 -> slotBinary(p, true);
            default -> throw new IllegalArgumentException("type " + type + " is not a binary message");
        };
    }

    private AddressedBinaryMessage addressed(SixBitPayload p) {
        int dac = (int) p.unsigned(72, 10);
        int fi = (int) p.unsigned(82, 6);
        BinaryData data = data(p, 88, p.bitLength());
        return new AddressedBinaryMessage(
                repeat(p), mmsi(p, 8), (int) p.unsigned(38, 2), mmsi(p, 40), p.flag(70), dac, fi, data,
                applications.decode(dac, fi, true, data));
    }

    private BinaryBroadcast broadcast(SixBitPayload p) {
        int dac = (int) p.unsigned(40, 10);
        int fi = (int) p.unsigned(50, 6);
        BinaryData data = data(p, 56, p.bitLength());
        return new BinaryBroadcast(repeat(p), mmsi(p, 8), dac, fi, data, applications.decode(dac, fi, false, data));
    }

    private DgnssBroadcast dgnss(SixBitPayload p) {
        int lon = (int) p.signed(40, 18);
        int lat = (int) p.signed(58, 17);
        return new DgnssBroadcast(
                repeat(p), mmsi(p, 8), points.point(lat, lon, AisPoints.TENTHS), data(p, 80, p.bitLength()));
    }

    /** Types 25 and 26: the header's length depends on its two flags; 26 ends with 20 bits of radio status. */
    private DecodeResult<AisMessage> slotBinary(SixBitPayload p, boolean multiSlot) {
        int type = multiSlot ? 26 : 25;
        int bits = p.bitLength();
        if (bits < 40) {
            return shortMessage(type, bits, 40);
        }
        boolean addressed = p.flag(38);
        boolean structured = p.flag(39);
        int start = 40 + (addressed ? 30 : 0);
        int dataStart = start + (structured ? 16 : 0);
        int end = multiSlot ? bits - 20 : bits;
        if (end < dataStart) {
            return shortMessage(type, bits, dataStart + (multiSlot ? 20 : 0));
        }
        OptionalInt destination = addressed ? OptionalInt.of(mmsi(p, 40)) : OptionalInt.empty();
        OptionalInt dac = structured ? OptionalInt.of((int) p.unsigned(start, 10)) : OptionalInt.empty();
        OptionalInt fi = structured ? OptionalInt.of((int) p.unsigned(start + 10, 6)) : OptionalInt.empty();
        BinaryData data = data(p, dataStart, end);
        Optional<ApplicationMessage> application = structured
                ? applications.decode(dac.getAsInt(), fi.getAsInt(), addressed, data)
                : Optional.empty();
        if (multiSlot) {
            return ok(new MultiSlotBinary(
                    repeat(p), mmsi(p, 8), addressed, structured, destination, dac, fi, data, application,
                    (int) p.unsigned(end, 20)));
        }
        return ok(new SingleSlotBinary(
                repeat(p), mmsi(p, 8), addressed, structured, destination, dac, fi, data, application));
    }

    /** Bits {@code [start, end)} of the message as binary data. */
    private static BinaryData data(SixBitPayload p, int start, int end) {
        int n = end - start;
        byte[] bytes = new byte[(n + 7) / 8];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) p.unsigned(start + 8 * i, 8);
        }
        return BinaryData.of(bytes, n);
    }
}

package org.macm.encounter.ais;

import static org.macm.encounter.ais.AisPayloadDecoder.mmsi;
import static org.macm.encounter.ais.AisPayloadDecoder.ok;
import static org.macm.encounter.ais.AisPayloadDecoder.repeat;
import static org.macm.encounter.ais.AisPayloadDecoder.shortMessage;

import java.util.Optional;
import java.util.OptionalInt;
import org.macm.encounter.GeoPoint;
import org.macm.encounter.decode.DecodeResult;

/**
 * Decodes the AIS messages that run the data link rather than describe a ship: acknowledgements
 * (7, 13), UTC inquiry (10), interrogation (15), assignment (16), slot reservation (20), channel
 * management (22) and group assignment (23). Layouts are drawn in each record's Javadoc. The
 * watch does not use them; they are decoded so that a feed's every message is accounted for and
 * {@code macm ais decode} shows what a base station network is doing. Variable-length types
 * hold as many entries as the message is long enough for; a message shorter than its first
 * entry is rejected.
 */
final class AisNetworkDecoder {
    private final AisPoints points;

    AisNetworkDecoder(AisPoints points) {
        this.points = points;
    }

    DecodeResult<AisMessage> decode(SixBitPayload p, int type) {
        int bits = p.bitLength();
        return switch (type) {
            case 7, 13 -> bits < 72 ? shortMessage(type, bits, 72) : ok(acknowledgement(p, type));
            case 10 -> bits < 72 ? shortMessage(type, bits, 72) : ok(new UtcInquiry(repeat(p), mmsi(p, 8), mmsi(p, 40)));
            case 15 -> bits < 88 ? shortMessage(type, bits, 88) : ok(interrogation(p));
            case 16 -> bits < 92 ? shortMessage(type, bits, 92) : ok(assignment(p));
            case 20 -> bits < 70 ? shortMessage(type, bits, 70) : ok(dataLink(p));
            case 22 -> bits < 145 ? shortMessage(type, bits, 145) : ok(channelManagement(p));
            case 23 -> bits < 154 ? shortMessage(type, bits, 154) : ok(groupAssignment(p));
            default -> throw new IllegalArgumentException("type " + type + " is not a data link message");
        };
    }

    private static Acknowledgement acknowledgement(SixBitPayload p, int type) {
        return new Acknowledgement(
                type, repeat(p), mmsi(p, 8), acknowledged(p, 0), acknowledgedWhen(p, 1), acknowledgedWhen(p, 2),
                acknowledgedWhen(p, 3));
    }

    /** Entry {@code i} of a type 7/13 message, present when the message holds all its 32 bits. */
    private static Optional<Acknowledged> acknowledgedWhen(SixBitPayload p, int i) {
        return p.bitLength() >= 72 + 32 * i ? Optional.of(acknowledged(p, i)) : Optional.empty();
    }

    private static Acknowledged acknowledged(SixBitPayload p, int i) {
        return new Acknowledged(mmsi(p, 40 + 32 * i), (int) p.unsigned(70 + 32 * i, 2));
    }

    private static Interrogation interrogation(SixBitPayload p) {
        int bits = p.bitLength();
        int station = mmsi(p, 40);
        InterrogationRequest first = new InterrogationRequest(station, (int) p.unsigned(70, 6), (int) p.unsigned(76, 12));
        Optional<InterrogationRequest> second = Optional.empty();
        int secondType = (int) p.unsigned(90, 6);
        if (bits >= 108 && secondType != 0) {
            second = Optional.of(new InterrogationRequest(station, secondType, (int) p.unsigned(96, 12)));
        }
        Optional<InterrogationRequest> third = Optional.empty();
        int secondStation = mmsi(p, 110);
        if (bits >= 158 && secondStation != 0) {
            third = Optional.of(
                    new InterrogationRequest(secondStation, (int) p.unsigned(140, 6), (int) p.unsigned(146, 12)));
        }
        return new Interrogation(repeat(p), mmsi(p, 8), first, second, third);
    }

    private static AssignmentCommand assignment(SixBitPayload p) {
        Optional<SlotAssignment> second = p.bitLength() >= 144 ? Optional.of(slotAssignment(p, 92)) : Optional.empty();
        return new AssignmentCommand(repeat(p), mmsi(p, 8), slotAssignment(p, 40), second);
    }

    private static SlotAssignment slotAssignment(SixBitPayload p, int start) {
        return new SlotAssignment(mmsi(p, start), (int) p.unsigned(start + 30, 12), (int) p.unsigned(start + 42, 10));
    }

    private static DataLinkManagement dataLink(SixBitPayload p) {
        return new DataLinkManagement(
                repeat(p), mmsi(p, 8), reservation(p, 0), reservationWhen(p, 1), reservationWhen(p, 2),
                reservationWhen(p, 3));
    }

    private static Optional<SlotReservation> reservationWhen(SixBitPayload p, int i) {
        return p.bitLength() >= 70 + 30 * i ? Optional.of(reservation(p, i)) : Optional.empty();
    }

    private static SlotReservation reservation(SixBitPayload p, int i) {
        int start = 40 + 30 * i;
        return new SlotReservation(
                (int) p.unsigned(start, 12), (int) p.unsigned(start + 12, 4), (int) p.unsigned(start + 16, 3),
                (int) p.unsigned(start + 19, 11));
    }

    private ChannelManagement channelManagement(SixBitPayload p) {
        boolean addressed = p.flag(139);
        return new ChannelManagement(
                repeat(p),
                mmsi(p, 8),
                (int) p.unsigned(40, 12),
                (int) p.unsigned(52, 12),
                (int) p.unsigned(64, 4),
                p.flag(68),
                addressed,
                addressed ? Optional.empty() : region(p, 69),
                addressed ? OptionalInt.of(mmsi(p, 69)) : OptionalInt.empty(),
                addressed ? OptionalInt.of(mmsi(p, 104)) : OptionalInt.empty(),
                p.flag(140),
                p.flag(141),
                (int) p.unsigned(142, 3));
    }

    private GroupAssignment groupAssignment(SixBitPayload p) {
        return new GroupAssignment(
                repeat(p),
                mmsi(p, 8),
                region(p, 40),
                (int) p.unsigned(110, 4),
                (int) p.unsigned(114, 8),
                (int) p.unsigned(144, 2),
                (int) p.unsigned(146, 4),
                (int) p.unsigned(150, 4));
    }

    /** Two corners, north-east first, each 18 bits longitude then 17 bits latitude in 1/10 minute. */
    private Optional<Region> region(SixBitPayload p, int start) {
        Optional<GeoPoint> northEast = corner(p, start);
        Optional<GeoPoint> southWest = corner(p, start + 35);
        if (northEast.isEmpty() || southWest.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Region(northEast.get(), southWest.get()));
    }

    private Optional<GeoPoint> corner(SixBitPayload p, int start) {
        return points.point((int) p.signed(start + 18, 17), (int) p.signed(start, 18), AisPoints.TENTHS);
    }
}

package org.macm.encounter.conformance;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.macm.encounter.GeoPoint;
import org.macm.encounter.ais.Acknowledged;
import org.macm.encounter.ais.Acknowledgement;
import org.macm.encounter.ais.AddressedBinaryMessage;
import org.macm.encounter.ais.AisMessage;
import org.macm.encounter.ais.AssignmentCommand;
import org.macm.encounter.ais.BinaryBroadcast;
import org.macm.encounter.ais.ChannelManagement;
import org.macm.encounter.ais.DataLinkManagement;
import org.macm.encounter.ais.DgnssBroadcast;
import org.macm.encounter.ais.GroupAssignment;
import org.macm.encounter.ais.Interrogation;
import org.macm.encounter.ais.InterrogationRequest;
import org.macm.encounter.ais.MultiSlotBinary;
import org.macm.encounter.ais.Region;
import org.macm.encounter.ais.SingleSlotBinary;
import org.macm.encounter.ais.SlotAssignment;
import org.macm.encounter.ais.SlotReservation;
import org.macm.encounter.ais.UtcInquiry;
import org.macm.encounter.ais.binary.ApplicationMessage;
import org.macm.encounter.ais.binary.BinaryData;

/**
 * {@link GpsdView} for the binary and data link message types (6, 7, 8, 10, 13, 15, 16, 17,
 * 20, 22, 23, 25, 26): gpsd's unscaled field names, zero for an entry the message does not
 * hold (gpsd prints every entry of its struct), and the binary data as gpsd prints it,
 * {@code "bits:hex"}.
 */
final class GpsdLinkView {
    private GpsdLinkView() {}

    /** Adds the fields of {@code message} to {@code v}; false when it is not one of these types. */
    static boolean put(Map<String, Object> v, AisMessage message) {
        switch (message) {
            case AddressedBinaryMessage m -> {
                v.put("seqno", (long) m.sequence());
                v.put("dest_mmsi", (long) m.destinationMmsi());
                v.put("retransmit", m.retransmitted());
                v.put("dac", (long) m.dac());
                v.put("fid", (long) m.fi());
                v.put("data", data(m.data()));
                application(v, m.application());
            }
            case BinaryBroadcast m -> {
                v.put("dac", (long) m.dac());
                v.put("fid", (long) m.fi());
                v.put("data", data(m.data()));
                application(v, m.application());
            }
            case Acknowledgement m -> {
                List<Acknowledged> all = m.acknowledged();
                for (int i = 0; i < 4; i++) {
                    v.put("mmsi" + (i + 1), (long) (i < all.size() ? all.get(i).mmsi() : 0));
                }
            }
            case UtcInquiry m -> v.put("dest_mmsi", (long) m.destinationMmsi());
            case Interrogation m -> {
                InterrogationRequest none = new InterrogationRequest(0, 0, 0);
                InterrogationRequest second = m.second().orElse(none);
                InterrogationRequest third = m.third().orElse(none);
                v.put("mmsi1", (long) m.first().mmsi());
                v.put("type1_1", (long) m.first().requestedType());
                v.put("offset1_1", (long) m.first().slotOffset());
                v.put("type1_2", (long) second.requestedType());
                v.put("offset1_2", (long) second.slotOffset());
                v.put("mmsi2", (long) third.mmsi());
                v.put("type2_1", (long) third.requestedType());
                v.put("offset2_1", (long) third.slotOffset());
            }
            case AssignmentCommand m -> {
                SlotAssignment second = m.second().orElse(new SlotAssignment(0, 0, 0));
                v.put("mmsi1", (long) m.first().mmsi());
                v.put("offset1", (long) m.first().offset());
                v.put("increment1", (long) m.first().increment());
                v.put("mmsi2", (long) second.mmsi());
                v.put("offset2", (long) second.offset());
                v.put("increment2", (long) second.increment());
            }
            case DgnssBroadcast m -> {
                corner(v, "", m.referencePosition());
                v.put("data", data(m.data()));
            }
            case DataLinkManagement m -> {
                List<SlotReservation> all = m.reservations();
                for (int i = 0; i < 4; i++) {
                    SlotReservation r = i < all.size() ? all.get(i) : new SlotReservation(0, 0, 0, 0);
                    v.put("offset" + (i + 1), (long) r.offset());
                    v.put("number" + (i + 1), (long) r.slots());
                    v.put("timeout" + (i + 1), (long) r.timeoutMinutes());
                    v.put("increment" + (i + 1), (long) r.increment());
                }
            }
            case ChannelManagement m -> {
                v.put("channel_a", (long) m.channelA());
                v.put("channel_b", (long) m.channelB());
                v.put("txrx", (long) m.txRxMode());
                v.put("power", m.lowPower());
                if (m.addressed()) {
                    v.put("dest1", (long) m.firstMmsi().orElse(0));
                    v.put("dest2", (long) m.secondMmsi().orElse(0));
                } else {
                    region(v, m.region());
                }
                v.put("addressed", m.addressed());
                v.put("band_a", m.channelANarrow());
                v.put("band_b", m.channelBNarrow());
                v.put("zonesize", (long) m.zoneSize());
            }
            case GroupAssignment m -> {
                region(v, m.region());
                v.put("stationtype", (long) m.stationType());
                v.put("shiptype", (long) m.shipType());
                v.put("interval", (long) m.reportInterval());
                v.put("quiet", (long) m.quietMinutes());
            }
            case SingleSlotBinary m -> slot(v, m.addressed(), m.structured(), m.destinationMmsi(), m.dac(), m.fi(), m.data());
            case MultiSlotBinary m -> {
                slot(v, m.addressed(), m.structured(), m.destinationMmsi(), m.dac(), m.fi(), m.data());
                v.put("radio", (long) m.radio());
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /** The bits as gpsd prints them: their count, a colon, the hex of the bytes they fill. */
    static String data(BinaryData data) {
        return data.bitLength() + ":" + data.hex();
    }

    private static void application(Map<String, Object> v, Optional<ApplicationMessage> application) {
        application.flatMap(GpsdApplicationView::of).ifPresent(v::putAll);
    }

    private static void slot(Map<String, Object> v, boolean addressed, boolean structured, OptionalInt destination,
            OptionalInt dac, OptionalInt fi, BinaryData data) {
        v.put("addressed", addressed);
        v.put("structured", structured);
        v.put("dest_mmsi", (long) destination.orElse(0));
        v.put("app_id", dac.isPresent() ? (long) (dac.getAsInt() << 6 | fi.getAsInt()) : 0L);
        v.put("data", data(data));
    }

    private static void region(Map<String, Object> v, Optional<Region> region) {
        corner(v, "ne_", region.map(Region::northEast));
        corner(v, "sw_", region.map(Region::southWest));
    }

    /** A 1/10-minute position in gpsd's raw form; absent shows as the n/a code, so an out-of-range one differs. */
    private static void corner(Map<String, Object> v, String prefix, Optional<GeoPoint> p) {
        v.put(prefix + "lon", p.map(g -> Math.round(g.longitude() * 600)).orElse(181L * 600));
        v.put(prefix + "lat", p.map(g -> Math.round(g.latitude() * 600)).orElse(91L * 600));
    }
}

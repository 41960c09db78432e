package org.macm.encounter.ais.binary;

import java.util.Optional;

/**
 * Decodes the application data of an AIS binary message by its DAC and FI. Returns empty for
 * an application it does not know or data too short for its layout; never throws on any
 * input, since the bits come from the radio.
 *
 * <p>Which envelope an application belongs in matters: IMO 236/289 number the addressed (type
 * 6) and broadcast (type 8) applications separately, so e.g. FI 31 is met/hydro data only when
 * broadcast. Where gpsd decodes a layout, this decoder accepts the same lengths, so that the two
 * agree message by message (docs/ENCOUNTER-CONFORMANCE.md, "Binary applications"): fields the
 * data does not reach read as zero, as gpsd reads them.
 */
public final class ApplicationDecoder {
    private static final int INTERNATIONAL = 1;
    private static final int INLAND = 200;
    private static final int UK = 235;
    private static final int IRELAND = 250;

    /**
     * The application message in {@code data}, if this decoder knows {@code (dac, fi)}.
     *
     * @param addressed whether the envelope was addressed (type 6, or 25/26 with the flag),
     *     since a few FIs have different layouts for the two
     */
    public Optional<ApplicationMessage> decode(int dac, int fi, boolean addressed, BinaryData data) {
        return Optional.ofNullable(switch (dac) {
            case INTERNATIONAL -> addressed ? international6(fi, data) : international8(fi, data);
            case INLAND -> !addressed && fi == 10 ? inlandStatic(data) : null;
            case UK, IRELAND -> addressed && fi == 10 && data.bitLength() == AtonMonitoring.BITS
                    ? AtonMonitoring.read(dac, data) : null;
            default -> null;
        });
    }

    private static ApplicationMessage international6(int fi, BinaryData d) {
        int bits = d.bitLength();
        return switch (fi) {
            case 12 -> DangerousCargoImo236.read(d);
            case 14 -> TidalWindow.read(fi, d);
            case 15 -> ExtendedShipStatic.read(d);
            case 16 -> personsOnBoard(d);
            case 18 -> ClearanceTime.read(d);
            case 20 -> bits >= BerthingData.BITS ? BerthingData.read(d) : null;
            case 23 -> bits >= AreaNotice.HEADER_BITS ? AreaNotice.read(fi, d) : null;
            case 25 -> bits >= 12 ? DangerousCargo.read(d) : null;
            case 28 -> bits >= 61 ? RouteInformation.read(fi, d) : null;
            case 30 -> bits >= 10 ? TextDescription.read(fi, d) : null;
            case 32 -> bits >= 9 ? TidalWindow.read(fi, d) : null;
            default -> null;
        };
    }

    private static ApplicationMessage international8(int fi, BinaryData d) {
        int bits = d.bitLength();
        return switch (fi) {
            case 11 -> bits >= MetHydroReportImo236.BITS ? MetHydroReportImo236.read(d) : null;
            case 13 -> FairwayClosed.read(d);
            case 15 -> ExtendedShipStatic.read(d);
            case 16 -> personsOnBoard(d);
            case 17 -> VtsTargets.read(d);
            case 19 -> bits >= MarineTrafficSignal.BITS ? MarineTrafficSignal.read(d) : null;
            case 22 -> bits >= AreaNotice.HEADER_BITS ? AreaNotice.read(fi, d) : null;
            case 27 -> bits >= 61 ? RouteInformation.read(fi, d) : null;
            case 29 -> TextDescription.read(fi, d);
            case 31 -> bits >= MetHydroReport.BITS ? MetHydroReport.read(d) : null;
            default -> null;
        };
    }

    /** IMO 236 sends 16 data bits, IMO 289 48; any other length is some other use of FI 16. */
    private static ApplicationMessage personsOnBoard(BinaryData d) {
        return d.bitLength() == 16 || d.bitLength() == 48 ? PersonsOnBoard.read(d) : null;
    }

    /** gpsd's guard against other uses of DAC 200 FI 10: exact length and a hazard code in range. */
    private static ApplicationMessage inlandStatic(BinaryData d) {
        if (d.bitLength() != InlandStaticVoyage.BITS) {
            return null;
        }
        InlandStaticVoyage m = InlandStaticVoyage.read(d);
        return m.hazard() <= InlandStaticVoyage.HAZARD_MAX ? m : null;
    }
}

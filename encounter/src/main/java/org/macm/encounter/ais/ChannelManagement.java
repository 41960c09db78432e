package org.macm.encounter.ais;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * Channel management (type 22): a base station sets the AIS channels and transmitter settings
 * for a region (broadcast) or for one or two stations (addressed). 168 bits:
 *
 * <pre>
 *  0..5 type   6..7 repeat   8..37 mmsi   38..39 spare   40..51 channel A   52..63 channel B
 * 64..67 tx/rx mode   68 power (0 high, 1 low)
 * broadcast: 69..86 NE lon   87..103 NE lat   104..121 SW lon   122..138 SW lat (1/10 minute)
 * addressed: 69..98 mmsi 1   99..103 spare   104..133 mmsi 2   134..138 spare
 * 139 addressed   140 channel A bandwidth   141 channel B bandwidth   142..144 zone size
 * 145..167 spare
 * </pre>
 *
 * @param channelA ITU channel number for AIS channel A (normally 2087)
 * @param channelB ITU channel number for AIS channel B (normally 2088)
 * @param txRxMode transmit/receive mode (0 TxA/TxB RxA/RxB, 1 TxA RxA/RxB, 2 TxB RxA/RxB)
 * @param lowPower whether stations are told to transmit at low power
 * @param addressed whether the settings are for stations (else for a region)
 * @param region the region, when broadcast and its corners are valid positions
 * @param firstMmsi the first station, when addressed
 * @param secondMmsi the second station, when addressed
 * @param channelANarrow channel A bandwidth flag: 12.5 kHz (ITU-R M.1371-4 and earlier)
 * @param channelBNarrow channel B bandwidth flag: 12.5 kHz (ITU-R M.1371-4 and earlier)
 * @param zoneSize size of the transitional zone, in nautical miles minus one (0..7)
 */
public record ChannelManagement(int repeat, int mmsi, int channelA, int channelB, int txRxMode, boolean lowPower,
        boolean addressed, Optional<Region> region, OptionalInt firstMmsi, OptionalInt secondMmsi,
        boolean channelANarrow, boolean channelBNarrow, int zoneSize) implements AisMessage {

    @Override
    public int messageType() {
        return 22;
    }
}

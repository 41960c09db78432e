package org.macm.encounter.ais;

import java.util.Optional;

/**
 * Group assignment command (type 23): a base station sets the transmit mode, reporting
 * interval or quiet time of every station of a kind in a region. 160 bits:
 *
 * <pre>
 *  0..5 type   6..7 repeat   8..37 mmsi   38..39 spare
 * 40..57 NE lon   58..74 NE lat   75..92 SW lon   93..109 SW lat (1/10 minute)
 * 110..113 station type   114..121 ship type   122..143 spare   144..145 tx/rx mode
 * 146..149 report interval   150..153 quiet time   154..159 spare
 * </pre>
 *
 * @param region the region, when its corners are valid positions
 * @param stationType which stations (0 all mobiles, 2 all class B, 3 SAR aircraft, 4 AtoN,
 *     5 class B CS, 6..9 regional and inland)
 * @param shipType which ship type (0 all)
 * @param txRxMode transmit/receive mode (0 TxA/TxB RxA/RxB, 1 TxA RxA/RxB, 2 TxB RxA/RxB)
 * @param reportInterval reporting interval code (0 autonomous, 1 10 min ... 8 5 s, 9 next
 *     shorter, 10 next longer)
 * @param quietMinutes how long the stations stay silent (0 = no quiet time)
 */
public record GroupAssignment(int repeat, int mmsi, Optional<Region> region, int stationType, int shipType,
        int txRxMode, int reportInterval, int quietMinutes) implements AisMessage {

    @Override
    public int messageType() {
        return 23;
    }
}

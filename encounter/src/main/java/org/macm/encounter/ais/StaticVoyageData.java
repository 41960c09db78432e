package org.macm.encounter.ais;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Static and voyage related data of a class A ship (type 5), usually sent in two NMEA
 * sentences. 424 bits (420 accepted: many senders drop the last padding bits):
 *
 * <pre>
 *   0..5 type   6..7 repeat   8..37 mmsi   38..39 ais version   40..69 imo (0 n/a)
 *  70..111 call sign (7 chars)   112..231 name (20 chars)   232..239 ship type (0 n/a)
 * 240..248 to bow   249..257 to stern   258..263 to port   264..269 to starboard
 * 270..273 epfd   274..277 eta month   278..282 day   283..287 hour   288..293 minute
 * 294..301 draught (0.1 m, 0 n/a)   302..421 destination (20 chars)   422 dte   423 spare
 * </pre>
 *
 * @param shipType ITU ship and cargo type code (e.g. 35 military, 55 law enforcement, 70
 *     cargo); absent when 0
 * @param dataTerminalReady whether the data terminal equipment is ready (DTE bit 0)
 */
public record StaticVoyageData(
        int repeat,
        int mmsi,
        int aisVersion,
        OptionalInt imo,
        Optional<String> callsign,
        Optional<String> shipName,
        OptionalInt shipType,
        Optional<Dimensions> dimensions,
        Optional<FixType> fixType,
        Optional<Eta> eta,
        OptionalDouble draughtMetres,
        Optional<String> destination,
        boolean dataTerminalReady)
        implements AisMessage {

    @Override
    public int messageType() {
        return 5;
    }
}

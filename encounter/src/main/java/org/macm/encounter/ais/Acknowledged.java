package org.macm.encounter.ais;

/**
 * One message acknowledged by a type 7 or 13 acknowledgement: the station that sent it and
 * the sequence number it carried.
 *
 * @param mmsi the station whose addressed message is acknowledged
 * @param sequence that message's sequence number (0..3)
 */
public record Acknowledged(int mmsi, int sequence) {}

package org.macm.encounter.ais;

/**
 * One station's assignment in a type 16 assignment mode command.
 *
 * @param mmsi the station assigned
 * @param offset with a zero increment: reports per 10 minutes; else the first slot's offset
 * @param increment slot increment between reports (0 = {@code offset} is a report rate)
 */
public record SlotAssignment(int mmsi, int offset, int increment) {}

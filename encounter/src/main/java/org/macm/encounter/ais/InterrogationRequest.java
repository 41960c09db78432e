package org.macm.encounter.ais;

/**
 * One request of a type 15 interrogation: which station should send which message type, and
 * in which slot.
 *
 * @param mmsi the station interrogated
 * @param requestedType the AIS message type it should send
 * @param slotOffset the slot offset for the response (0 = the station chooses)
 */
public record InterrogationRequest(int mmsi, int requestedType, int slotOffset) {}

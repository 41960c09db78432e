package org.macm.encounter.ais;

/**
 * One reservation of a type 20 data link management message: slots a base station keeps for
 * itself.
 *
 * @param offset the first reserved slot, as an offset from the message's slot
 * @param slots how many consecutive slots (1..15; 0 = none)
 * @param timeoutMinutes how long the reservation holds (0..7 minutes)
 * @param increment slots between repeated reservations (0 = once)
 */
public record SlotReservation(int offset, int slots, int timeoutMinutes, int increment) {}

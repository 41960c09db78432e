package org.macm.encounter.modes;

/**
 * DF11: the all-call reply (or acquisition squitter) that announces an aircraft's address.
 * Its parity is overlaid with the interrogator's code; the decoder accepts interrogator
 * code 0 (squitters and II 0), and codes 1..15 only when the remainder's high bits are zero.
 *
 * @param capability the CA field, 0..7 (4: on ground, 5: airborne, 6: either, 7: see FS)
 * @param interrogatorCode the II/SI code the parity was overlaid with, 0..79 (0 for a squitter)
 */
public record AllCallReply(int downlinkFormat, int icao24, int capability, int interrogatorCode) implements ModeSMessage {}

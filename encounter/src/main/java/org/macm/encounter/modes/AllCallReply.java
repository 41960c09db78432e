package org.macm.encounter.modes;

/**
 * DF11: the all-call reply (or acquisition squitter) that announces an aircraft's address.
 * Its parity is overlaid with the interrogator's code (the code label and interrogator
 * identifier, seven bits), so the decoder accepts a frame whose CRC remainder has its high
 * 17 bits zero; the low seven bits are that code.
 *
 * @param capability the CA field, 0..7 (4: on ground, 5: airborne, 6: either, 7: see FS)
 * @param interrogatorCode the seven bits the parity was overlaid with, 0..127 (0 for a squitter or II 0)
 */
public record AllCallReply(int downlinkFormat, int icao24, int capability, int interrogatorCode) implements ModeSMessage {}

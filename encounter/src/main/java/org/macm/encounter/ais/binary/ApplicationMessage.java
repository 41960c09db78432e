package org.macm.encounter.ais.binary;

/**
 * The decoded content of an AIS binary message whose application (DAC and FI) this module
 * knows, e.g. IMO 289 meteorological and hydrographic data (DAC 1, FI 31). Binary messages of
 * other applications keep their data as hex only ({@link BinaryData}).
 */
public interface ApplicationMessage {

    /** Designated area code: 1 for international applications, else a country's MID. */
    int dac();

    /** Function identifier within the DAC. */
    int fi();
}

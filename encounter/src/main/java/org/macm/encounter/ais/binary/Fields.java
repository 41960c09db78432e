package org.macm.encounter.ais.binary;

/** The int-sized reads every application layout uses, so each record reads like its table. */
final class Fields {
    private Fields() {}

    /** Unsigned field of at most 31 bits. */
    static int u(BinaryData d, int start, int length) {
        return (int) d.unsigned(start, length);
    }

    /** Two's-complement field of at most 32 bits. */
    static int s(BinaryData d, int start, int length) {
        return (int) d.signed(start, length);
    }
}

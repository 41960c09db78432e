package org.macm.station.feed;

/**
 * Mode S frames with published decodings, from "The 1090 Megahertz Riddle" (Junzi Sun,
 * mode-s.org/decode): the station's feed, watch and command tests send them and check what a
 * person sees against the book's values.
 */
public final class ModeSExamples {
    /** Identification of 4840D6: call sign KLM1023. */
    public static final String IDENT = "8D4840D6202CC371C32CE0576098";
    /** The odd half of an airborne position of 40621D. */
    public static final String ODD = "8D40621D58C386435CC412692AD6";
    /** The even half; received after {@link #ODD}, the pair places 40621D at 52.2572° N 3.9194° E. */
    public static final String EVEN = "8D40621D58C382D690C8AC2863A7";
    /** Airborne velocity of 485020: 159.2 kt over the ground, track 182.9°, -832 ft/min. */
    public static final String VELOCITY = "8D485020994409940838175B284F";
    /** {@link #EVEN} with the last bit of its parity flipped: the CRC no longer checks. */
    public static final String EVEN_DAMAGED = "8D40621D58C382D690C8AC2863A6";

    /** The book's surface pair (chapter 6): 484175 on the ground at 52.32061 N 4.73473 E, near a receiver at 51.990 N 4.375 E. */
    public static final String SURFACE_EVEN = "8C4841753AAB238733C8CD4020B1";
    public static final String SURFACE_ODD = "8C4841753A8A35323FAEBDAC702D";

    /** A unit registry that lists 40621D, the aircraft of {@link #ODD} and {@link #EVEN}, as a CN patrol aircraft. */
    public static final String UNITS_TOML = """
            [[unit]]
            side = "CN"
            name = "Y-8Q 9301"
            kind = "aircraft"
            icao24 = "40621D"
            """;

    private ModeSExamples() {
    }
}

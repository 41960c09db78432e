package org.macm.encounter.modes;

import java.util.LinkedHashMap;
import java.util.Map;
import org.macm.encounter.decode.DecodeResult;
import org.macm.encounter.decode.DecodeStats;
import org.macm.encounter.decode.Decoder;
import org.macm.encounter.decode.RejectReason;

/**
 * Decodes Mode S frames: AVR lines through {@link #accept(CharSequence)} and frames a
 * {@link BeastFramer} cut through {@link #accept(ModeSFrame)}, both counted in one
 * {@link DecodeStats} (one line per frame). A frame whose CRC-24 does not check is counted
 * as {@link RejectReason#BAD_CRC} and never decoded: no error correction is attempted,
 * because a corrected bit is a guess and a wrong position is worse than a missing one.
 * Decoded: DF17/18 (type codes 1..22), DF4/20 altitude, DF5/21 identity, DF11 all-call.
 * Mode A/C frames and other formats are counted as UNSUPPORTED_TYPE. Holds the recently
 * heard addresses that verify DF4/5/20/21 (see {@link ModeSDecoderConfig}). Not
 * thread-safe: one decoder per feed.
 */
public final class ModeSDecoder implements Decoder<ModeSMessage> {
    private final DecodeStats stats = new DecodeStats();
    private final ModeSDecoderConfig config;
    private final Map<Integer, Boolean> known;

    /** A decoder with {@link ModeSDecoderConfig#DEFAULT}. */
    public ModeSDecoder() {
        this(ModeSDecoderConfig.DEFAULT);
    }

    /** A decoder with {@code config}. */
    public ModeSDecoder(ModeSDecoderConfig config) {
        this.config = config;
        int capacity = config.knownAddresses();
        this.known = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Integer, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    @Override
    public DecodeStats stats() {
        return stats;
    }

    /** Decodes one AVR line ({@code *…;} or {@code @…;}). */
    @Override
    public DecodeResult<ModeSMessage> accept(CharSequence line) {
        stats.line();
        DecodeResult<ModeSFrame> frame = AvrFormat.parse(line);
        if (frame instanceof DecodeResult.Rejected<ModeSFrame> r) {
            return count(new DecodeResult.Rejected<>(r.reason(), r.detail()));
        }
        return count(decode(((DecodeResult.Decoded<ModeSFrame>) frame).value()));
    }

    /** Decodes one frame (from a {@link BeastFramer}, or parsed elsewhere). */
    public DecodeResult<ModeSMessage> accept(ModeSFrame frame) {
        stats.line();
        return count(decode(frame));
    }

    private DecodeResult<ModeSMessage> count(DecodeResult<ModeSMessage> result) {
        if (result instanceof DecodeResult.Rejected<ModeSMessage> r) {
            stats.rejected(r.reason());
        } else {
            stats.decoded();
        }
        return result;
    }

    private DecodeResult<ModeSMessage> decode(ModeSFrame f) {
        if (f.isModeAc()) {
            return rejected(RejectReason.UNSUPPORTED_TYPE, "a Mode A/C reply carries no address and is not decoded");
        }
        int df = f.downlinkFormat();
        int expected = df < 16 ? 7 : 14;
        if (f.length() != expected) {
            return rejected(RejectReason.SHORT_MESSAGE,
                    "DF" + df + " has " + expected * 8 + " bits, this frame " + f.length() * 8);
        }
        int residual = f.residual();
        return switch (df) {
            case 17, 18 -> squitter(df, f, residual);
            case 11 -> allCall(f, residual);
            case 4, 5, 20, 21 -> reply(df, f, residual);
            default -> rejected(RejectReason.UNSUPPORTED_TYPE, "downlink format " + df + " is not decoded");
        };
    }

    private DecodeResult<ModeSMessage> squitter(int df, ModeSFrame f, int residual) {
        if (residual != 0) {
            return badCrc(residual);
        }
        int icao = (int) f.bits(9, 24);
        int cf = (int) f.bits(6, 3);
        if (df == 18 && cf != 0 && cf != 2 && cf != 6) {
            return rejected(RejectReason.UNSUPPORTED_TYPE,
                    "DF18 control field " + cf + " carries no ICAO address or no ADS-B message");
        }
        if (df == 17 || cf == 0) {
            remember(icao);
        }
        return ExtendedSquitter.decode(df, icao, f);
    }

    private DecodeResult<ModeSMessage> allCall(ModeSFrame f, int residual) {
        if ((residual & ~0x7F) != 0) {
            return badCrc(residual);
        }
        int icao = (int) f.bits(9, 24);
        remember(icao);
        return new DecodeResult.Decoded<>(new AllCallReply(11, icao, (int) f.bits(6, 3), residual));
    }

    private DecodeResult<ModeSMessage> reply(int df, ModeSFrame f, int address) {
        if (!config.acceptUnverifiedReplies() && known.get(address) == null) {
            return rejected(RejectReason.BAD_CRC, String.format(
                    "DF%d parity gives address %06X, which no CRC-checked frame has announced", df, address));
        }
        int flightStatus = (int) f.bits(6, 3);
        int code = (int) f.bits(20, 13);
        ModeSMessage m = df == 4 || df == 20
                ? new AltitudeReply(df, address, flightStatus, Codes.altitude13(code))
                : new IdentityReply(df, address, flightStatus, Codes.squawk(code));
        return new DecodeResult.Decoded<>(m);
    }

    private void remember(int icao) {
        known.put(icao, Boolean.TRUE);
    }

    private static DecodeResult<ModeSMessage> badCrc(int residual) {
        return rejected(RejectReason.BAD_CRC, String.format("CRC-24 remainder %06X: the frame was damaged", residual));
    }

    private static DecodeResult<ModeSMessage> rejected(RejectReason reason, String detail) {
        return new DecodeResult.Rejected<>(reason, detail);
    }
}

package org.macm.encounter.ais;

import java.util.Optional;
import org.macm.encounter.decode.Ascii;
import org.macm.encounter.decode.DecodeResult;
import org.macm.encounter.decode.DecodeStats;
import org.macm.encounter.decode.Decoder;
import org.macm.encounter.decode.RejectReason;

/**
 * Decodes AIS from NMEA 0183 {@code VDM}/{@code VDO} sentences, one line at a time: tag
 * block, checksum, fragment reassembly, then the message. Any talker id is accepted
 * ({@code !AIVDM}, {@code !BSVDM}, {@code !ABVDO}...). Whatever follows a matching checksum
 * is not part of the sentence and is ignored: receiver suffixes (the USCG
 * {@code ,s...,d...,T...,r...,1234567890} style) and stray escaped line ends alike.
 *
 * <pre>
 *  [\tag block*hh\]!ccVDM,n,k,s,c,payload,f*hh[,receiver suffix]
 *                   |     | | | | |       |  checksum: XOR of every character between '!' and '*'
 *                   |     | | | | |       fill bits (0..5) padding the last six-bit character
 *                   |     | | | | six-bit armoured payload
 *                   |     | | | channel (A, B, 1, 2 or blank)
 *                   |     | | sequential message id (0..9, blank for single-sentence messages)
 *                   |     | fragment number (1..n)
 *                   |     fragment count (1..9)
 *                   talker (cc) and VDM (other ships) or VDO (own ship)
 * </pre>
 *
 * <p>Multi-sentence messages are reassembled by sequential id, channel, count and source, so
 * interleaved groups complete independently; a fragment that does not continue its group
 * drops the group, and a group that does not complete within the configured span is dropped
 * and counted as {@link RejectReason#FRAGMENT_LOST}. The decoder holds no reference to the
 * lines it is given; it owns one reusable bit buffer and a fixed table of fragment slots.
 * Not thread-safe: one decoder per feed.
 */
public final class AisDecoder implements Decoder<AisReport> {
    private static final char NO_CHANNEL = 0;

    private final AisDecoderConfig config;
    private final DecodeStats stats = new DecodeStats();
    private final SixBitPayload payload;
    private final AisPayloadDecoder payloadDecoder;
    private final FragmentGroups groups;
    private long lines;

    /** A decoder with {@link AisDecoderConfig#DEFAULTS}. */
    public AisDecoder() {
        this(AisDecoderConfig.DEFAULTS);
    }

    public AisDecoder(AisDecoderConfig config) {
        this.config = config;
        this.payload = new SixBitPayload(config.maxLineLength());
        this.payloadDecoder = new AisPayloadDecoder(stats);
        this.groups = new FragmentGroups(config.maxPendingGroups(), config.maxGroupSpan(), stats);
    }

    @Override
    public DecodeStats stats() {
        return stats;
    }

    /** Multi-sentence messages currently waiting for a fragment. */
    public int pendingGroups() {
        return groups.openCount();
    }

    @Override
    public DecodeResult<AisReport> accept(CharSequence line) {
        stats.line();
        long lineNumber = ++lines;
        groups.expire(lineNumber);
        DecodeResult<AisReport> result = parse(line, lineNumber);
        switch (result) {
            case DecodeResult.Decoded<AisReport> decoded -> stats.decoded();
            case DecodeResult.Rejected<AisReport> rejected -> stats.rejected(rejected.reason());
            case DecodeResult.Pending<AisReport> pending -> {
                // counted when the group completes or is lost
            }
            case DecodeResult.Skipped<AisReport> skipped -> stats.comment();
        }
        return result;
    }

    private DecodeResult<AisReport> parse(CharSequence line, long lineNumber) {
        int length = line.length();
        if (length > config.maxLineLength()) {
            return reject(
                    RejectReason.TOO_LONG,
                    "line of " + length + " characters exceeds the limit of " + config.maxLineLength());
        }
        int start = Ascii.trimStart(line, 0, length);
        int end = Ascii.trimEnd(line, start, length);
        if (start == end) {
            return reject(RejectReason.EMPTY, "empty line");
        }
        if (line.charAt(start) == '#') {
            // recorded logs (gpsd's, libais's, receivers' own) annotate sentences with comments
            return new DecodeResult.Skipped<>("comment");
        }
        TagBlock tagBlock = TagBlock.NONE;
        if (line.charAt(start) == '\\') {
            int close = Ascii.indexOf(line, '\\', start + 1, end);
            if (close == end) {
                return reject(RejectReason.BAD_TAG_BLOCK, "tag block has no closing backslash");
            }
            Optional<TagBlock> parsed = TagBlock.parse(line, start + 1, close);
            if (parsed.isEmpty()) {
                return reject(RejectReason.BAD_TAG_BLOCK, "tag block is malformed or its checksum does not match");
            }
            tagBlock = parsed.get();
            start = close + 1;
        }
        char lead = start < end ? line.charAt(start) : ' ';
        if (lead != '!' && lead != '$') {
            return reject(RejectReason.NOT_NMEA, "not an NMEA sentence: it does not start with '!' or '$'");
        }
        if (end - start < 7) {
            return reject(RejectReason.TRUNCATED, "sentence ends inside its address field");
        }
        for (int i = start + 1; i < start + 6; i++) {
            char c = line.charAt(i);
            if (!(c >= 'A' && c <= 'Z') && !(c >= '0' && c <= '9')) {
                return reject(RejectReason.NOT_NMEA, "not an NMEA sentence: bad address field");
            }
        }
        if (line.charAt(start + 6) != ',') {
            return reject(RejectReason.NOT_AIS, "not a VDM/VDO sentence");
        }
        boolean vdm = Ascii.regionEquals(line, start + 3, start + 6, "VDM");
        boolean vdo = Ascii.regionEquals(line, start + 3, start + 6, "VDO");
        if (!vdm && !vdo) {
            return reject(RejectReason.NOT_AIS, "NMEA sentence " + line.subSequence(start + 1, start + 6) + " carries no AIS");
        }
        int star = Ascii.indexOf(line, '*', start + 7, end);
        if (star + 3 > end) {
            return reject(RejectReason.TRUNCATED, "sentence ends before its checksum");
        }
        int high = Ascii.hexDigit(line.charAt(star + 1));
        int low = Ascii.hexDigit(line.charAt(star + 2));
        if (high < 0 || low < 0) {
            return reject(RejectReason.BAD_CHECKSUM, "checksum is not two hexadecimal digits");
        }
        int sum = 0;
        for (int i = start + 1; i < star; i++) {
            sum ^= line.charAt(i);
        }
        int expected = (high << 4) | low;
        if (sum != expected) {
            return reject(
                    RejectReason.BAD_CHECKSUM,
                    String.format("checksum says %02X, the sentence sums to %02X", expected, sum & 0xFF));
        }
        return fields(line, start, star, vdo, tagBlock, lineNumber);
    }

    private DecodeResult<AisReport> fields(
            CharSequence line, int start, int star, boolean vdo, TagBlock tagBlock, long lineNumber) {
        int[] comma = new int[5];
        int from = start + 7;
        for (int i = 0; i < 5; i++) {
            int c = Ascii.indexOf(line, ',', from, star);
            if (c == star) {
                return reject(RejectReason.BAD_FIELD, "a VDM sentence has 6 fields, this one " + (i + 1));
            }
            comma[i] = c;
            from = c + 1;
        }
        if (Ascii.indexOf(line, ',', from, star) != star) {
            return reject(RejectReason.BAD_FIELD, "a VDM sentence has 6 fields, this one more");
        }
        int count = singleDigit(line, start + 7, comma[0]);
        int number = singleDigit(line, comma[0] + 1, comma[1]);
        if (count < 1 || number < 1 || number > count) {
            return reject(RejectReason.BAD_FIELD, "fragment number and count must be digits with 1 <= number <= count");
        }
        int sequenceId = -1;
        if (comma[2] > comma[1] + 1) {
            sequenceId = singleDigit(line, comma[1] + 1, comma[2]);
            if (sequenceId < 0) {
                return reject(RejectReason.BAD_FIELD, "sequential message id must be one digit");
            }
        }
        char channel = NO_CHANNEL;
        if (comma[3] - comma[2] > 2) {
            return reject(RejectReason.BAD_FIELD, "channel must be one character");
        } else if (comma[3] - comma[2] == 2) {
            channel = line.charAt(comma[2] + 1);
        }
        int fill = singleDigit(line, comma[4] + 1, star);
        if (fill < 0 || fill > 5) {
            return reject(RejectReason.BAD_FIELD, "fill bits must be one digit 0..5");
        }
        int payloadStart = comma[3] + 1;
        int payloadEnd = comma[4];
        if (payloadStart == payloadEnd) {
            return reject(RejectReason.BAD_PAYLOAD, "empty payload");
        }
        for (int i = payloadStart; i < payloadEnd; i++) {
            if (SixBitPayload.armourValue(line.charAt(i)) < 0) {
                return reject(RejectReason.BAD_PAYLOAD, "payload character '" + line.charAt(i) + "' is not six-bit armour");
            }
        }
        String talker = talker(line, start);
        if (count == 1) {
            payload.clear();
            payload.append(line, payloadStart, payloadEnd);
            return complete(fill, talker, vdo, channel, tagBlock);
        }
        return fragment(line, number, count, sequenceId, channel, vdo, tagBlock, lineNumber, payloadStart, payloadEnd, fill, talker);
    }

    private DecodeResult<AisReport> fragment(
            CharSequence line,
            int number,
            int count,
            int sequenceId,
            char channel,
            boolean vdo,
            TagBlock tagBlock,
            long lineNumber,
            int payloadStart,
            int payloadEnd,
            int fill,
            String talker) {
        Optional<FragmentGroups.Group> open = groups.find(sequenceId, channel, count, vdo, tagBlock);
        if (number == 1) {
            // a new first fragment with the same id means the previous group will never complete
            open.ifPresent(groups::lose);
            FragmentGroups.Group group = groups.start(sequenceId, channel, count, vdo, tagBlock, lineNumber);
            group.payload.append(line, payloadStart, payloadEnd);
            return new DecodeResult.Pending<>();
        }
        if (open.isEmpty()) {
            return reject(
                    RejectReason.FRAGMENT_LOST,
                    "fragment " + number + " of " + count + " arrived without the fragments before it");
        }
        FragmentGroups.Group group = open.get();
        if (group.next != number) {
            groups.lose(group);
            return reject(
                    RejectReason.FRAGMENT_LOST,
                    "fragment " + number + " of " + count + " arrived while fragment " + group.next + " was due");
        }
        if (group.payload.length() + (payloadEnd - payloadStart) > config.maxLineLength()) {
            groups.lose(group);
            return reject(RejectReason.BAD_PAYLOAD, "reassembled payload exceeds " + config.maxLineLength() + " characters");
        }
        if (number < count) {
            group.payload.append(line, payloadStart, payloadEnd);
            group.next++;
            return new DecodeResult.Pending<>();
        }
        payload.clear();
        payload.append(group.payload, 0, group.payload.length());
        payload.append(line, payloadStart, payloadEnd);
        TagBlock first = group.tagBlock.equals(TagBlock.NONE) ? tagBlock : group.tagBlock;
        groups.close(group);
        return complete(fill, talker, vdo, channel, first);
    }

    private DecodeResult<AisReport> complete(int fill, String talker, boolean vdo, char channel, TagBlock tagBlock) {
        payload.dropFill(fill);
        return switch (payloadDecoder.decode(payload)) {
            case DecodeResult.Decoded<AisMessage>(AisMessage message) -> new DecodeResult.Decoded<>(
                    new AisReport(message, talker, vdo, channelName(channel), tagBlock.source(), tagBlock.time()));
            case DecodeResult.Rejected<AisMessage>(RejectReason reason, String detail) -> reject(reason, detail);
            case DecodeResult.Pending<AisMessage> pending -> new DecodeResult.Pending<>();
            case DecodeResult.Skipped<AisMessage> skipped -> new DecodeResult.Skipped<>(skipped.detail());
        };
    }

    private static DecodeResult<AisReport> reject(RejectReason reason, String detail) {
        return new DecodeResult.Rejected<>(reason, detail);
    }

    /** The digit in {@code [from, to)} when it is exactly one digit, else -1. */
    private static int singleDigit(CharSequence line, int from, int to) {
        if (to - from != 1) {
            return -1;
        }
        int d = line.charAt(from) - '0';
        return d >= 0 && d <= 9 ? d : -1;
    }

    private static String talker(CharSequence line, int start) {
        char a = line.charAt(start + 1);
        char b = line.charAt(start + 2);
        // the common talkers need no allocation
        if (a == 'A' && b == 'I') {
            return "AI";
        }
        if (a == 'A' && b == 'B') {
            return "AB";
        }
        if (a == 'B' && b == 'S') {
            return "BS";
        }
        return new String(new char[] {a, b});
    }

    private static String channelName(char channel) {
        return switch (channel) {
            case NO_CHANNEL -> "";
            case 'A' -> "A";
            case 'B' -> "B";
            default -> String.valueOf(channel);
        };
    }
}

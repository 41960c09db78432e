package org.macm.station.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.macm.station.StationPair.CN;
import static org.macm.station.StationPair.JP;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.macm.core.crypto.SigningKey;
import org.macm.core.log.Body;
import org.macm.core.log.LogWriter;
import org.macm.core.log.MessageContent;
import org.macm.core.log.Precedence;
import org.macm.core.log.SignedEntry;
import org.macm.station.Station;
import org.macm.station.StationPair;
import org.macm.station.export.EquivocationFile;
import org.macm.station.export.ExportFile;
import org.macm.station.identity.KeyFiles;
import org.macm.station.run.StationRuntime;
import org.macm.store.IntakeOutcome;

/**
 * Evidence of equivocation (E-EQUIVOCATION): a station that received two validly signed,
 * different entries at one seq of its peer's log exports both as a proof file, and
 * {@code macm verify} accepts that file as proof and nothing less; two copies of one log are
 * compared, and where they differ the proof is written.
 */
class EvidenceCommandsTest {
    @TempDir
    Path tmp;

    private StationPair pair;
    /** cn-mnd's log as cn-mnd wrote it and jp-mod holds it: seq 1 and 2. */
    private List<SignedEntry> cnLog;
    /** What cn-mnd later signed at seq 2 instead, which jp-mod kept as evidence. */
    private SignedEntry denial;
    private String cnKey;
    private String jpKey;

    private static Body text(String s) {
        return new Body.Message(Precedence.FLASH, new MessageContent.FreeText("en", s));
    }

    /** cn-mnd says two things to jp-mod, then signs a different seq 2 and sends that too. */
    @BeforeEach
    void cnEquivocatesToJp() {
        pair = StationPair.create(tmp.resolve("pair"));
        try (StationPair.Opened open = pair.open(Clock.systemUTC())) {
            Station cn = open.cn();
            Station jp = open.jp();
            cn.write(JP, text("Your vessel is standing into danger."));
            cn.write(JP, text("We will escort it out of the area."));
            cnLog = cn.store().read(cn.ownLog(JP), 1, 10);
            assertThat(jp.receive(CN, cnLog)).containsOnly(IntakeOutcome.STORED);
            denial = signedByCn(cnLog.get(0), "We never offered an escort.");
            assertThat(jp.receive(CN, List.of(denial))).containsExactly(IntakeOutcome.EQUIVOCATION);
        }
        cnKey = pair.cn().identity().toString();
        jpKey = pair.jp().identity().toString();
    }

    /** An entry of cn-mnd's log after {@code previous}, signed with cn-mnd's own key: what an equivocating station does. */
    private SignedEntry signedByCn(SignedEntry previous, String said) {
        SigningKey key = KeyFiles.readSigningKey(pair.cn().signingKey());
        return new LogWriter(previous.log(), key, Clock.systemUTC()).next(previous.head(), previous.entry().peerHead(), text(said));
    }

    private Path exportEvidence(Path out) {
        CliRun r = CliRun.run("export", "--dir", pair.jp().dir().toString(), "--equivocations", "cn-mnd", "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        return out;
    }

    private Path claim(String name, SignedEntry first, SignedEntry second) {
        Path f = tmp.resolve(name);
        EquivocationFile.write(f, List.of(EquivocationFile.Claim.of(new EquivocationFile.Version(first, Optional.empty()),
                new EquivocationFile.Version(second, Optional.empty()), Optional.empty())));
        return f;
    }

    private CliRun verify(Path file) {
        return CliRun.run("verify", file.toString(), "--key", cnKey);
    }

    @Test
    void exportedEquivocation_isProof_namingTheSeqBothHashesAndWhenEachWasSeen() throws Exception {
        Path proof = tmp.resolve("cn-equivocation.jsonl");
        CliRun ex = CliRun.run("export", "--dir", pair.jp().dir().toString(), "--equivocations", "cn-mnd",
                "--out", proof.toString());
        assertThat(ex.exitCode()).as(ex.err()).isZero();
        assertThat(ex.out()).startsWith("Exported 1 claim of equivocation by cn-mnd to " + proof
                + "; check it with: macm verify " + proof + " --key " + pair.jp().peer(CN) + "\n")
                .endsWith("(offline: read from the store, the station is not running)\n");
        String line = Files.readString(proof, StandardCharsets.UTF_8);
        assertThat(line).startsWith("{\"format\":\"macm-equivocation-v1\",\"link\":\"cn-mnd~jp-mod\",\"author\":\"cn-mnd\","
                + "\"seq\":2,\"recordedBy\":\"jp-mod\",\"first\":{\"entry\":\"").endsWith("\"}}\n");

        CliRun r = verify(proof);
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("OK   [E-EQUIVOCATION] " + proof + " line 1: cn-mnd signed two different entries at seq 2"
                + " of log cn-mnd~jp-mod/cn-mnd: hash " + cnLog.get(1).hash().shortHex() + " (seen 20")
                .contains(" and hash " + denial.hash().shortHex() + " (seen 20")
                .contains("(recorded by jp-mod)")
                .endsWith("VERIFIED: proof that a station signed two different entries at one seq of its log\n");
        EquivocationFile.Claim read = ((EquivocationFile.Line.Read) EquivocationFile.read(proof).get(0)).claim();
        assertThat(read.first().entry()).isEqualTo(cnLog.get(1));
        assertThat(read.second().entry()).isEqualTo(denial);
        Instant stored = read.first().seen().orElseThrow();
        assertThat(read.second().seen().orElseThrow()).isAfterOrEqualTo(stored);
    }

    @Test
    void lessThanTwoSignedDifferentEntriesAtOneSeqOfOneLog_isNotProof() throws Exception {
        SignedEntry jpEntry;
        try (StationPair.Opened open = pair.open(Clock.systemUTC())) {
            jpEntry = open.jp().write(CN, text("jp-mod's own seq 1"));
        }
        SignedEntry unsigned = SignedEntry.parse(denial.bytes(),
                SigningKey.generate(new SecureRandom()).sign(denial.bytes()));
        record Case(Path file, String says) {
        }
        List<Case> cases = List.of(
                new Case(claim("same.jsonl", cnLog.get(1), cnLog.get(1)),
                        "the two entries are the same bytes (hash " + cnLog.get(1).hash().shortHex() + "): one entry held twice, not two"),
                new Case(claim("seqs.jsonl", cnLog.get(0), cnLog.get(1)),
                        "the two entries are at seq 1 and seq 2 of log cn-mnd~jp-mod/cn-mnd; equivocation is two entries at one seq"),
                new Case(claim("logs.jsonl", cnLog.get(0), jpEntry),
                        "the two entries belong to different logs (cn-mnd~jp-mod/cn-mnd and cn-mnd~jp-mod/jp-mod);"
                                + " equivocation is two entries of one log"),
                new Case(claim("forged.jsonl", cnLog.get(1), unsigned),
                        "the second entry's signature does not verify with cn-mnd's key"),
                new Case(unreadable(), "the second entry cannot be read: "),
                new Case(Files.writeString(tmp.resolve("json.jsonl"), "{\"format\":\"macm-equivocation-v1\",\"seq\":2}\n"),
                        "missing key \""));
        for (Case c : cases) {
            CliRun r = verify(c.file());
            assertThat(r.exitCode()).as(c.file() + ": " + r.out()).isEqualTo(1);
            assertThat(r.out()).as(c.file().toString())
                    .startsWith("FAIL " + c.file() + " line 1: not proof of equivocation: ")
                    .contains(c.says())
                    .endsWith("NOT VERIFIED: not proof of equivocation\n");
        }
    }

    /** A real proof line whose second entry's bytes are no entry at all (still base64, still signed by nobody). */
    private Path unreadable() throws Exception {
        Path real = exportEvidence(tmp.resolve("real.jsonl"));
        String line = Files.readString(real, StandardCharsets.UTF_8);
        String secondEntry = java.util.Base64.getEncoder().encodeToString(denial.bytes());
        String junk = java.util.Base64.getEncoder().encodeToString("{\"v\":1,\"not\":\"an entry\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(line).contains(secondEntry);
        return Files.writeString(tmp.resolve("unreadable.jsonl"), line.replace(secondEntry, junk));
    }

    @Test
    void aProofWithAWrongKey_isNotProof() {
        Path proof = exportEvidence(tmp.resolve("proof.jsonl"));
        CliRun r = CliRun.run("verify", proof.toString(), "--key", "cn-mnd=" + pair.identity(JP).signingKey().toBase64());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("not proof of equivocation: the first entry's signature does not verify with cn-mnd's key");
    }

    @Test
    void exportEquivocations_whenNoneIsRecorded_saysSo() {
        CliRun r = CliRun.run("export", "--dir", pair.cn().dir().toString(), "--equivocations", "jp-mod",
                "--out", tmp.resolve("none.jsonl").toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.errorLine()).isEqualTo("macm: no equivocation by jp-mod is recorded at cn-mnd (it has never sent two"
                + " different entries at one seq); nothing exported");
        assertThat(tmp.resolve("none.jsonl")).doesNotExist();
    }

    @Test
    void export_takesEitherALogOrTheEvidence_andSaysSoOtherwise() {
        String dir = pair.jp().dir().toString();
        String out = tmp.resolve("x.jsonl").toString();
        for (String[] args : List.of(new String[] {"export", "--dir", dir, "--out", out},
                new String[] {"export", "--dir", dir, "--link", "cn-mnd", "--equivocations", "cn-mnd", "--out", out})) {
            CliRun r = CliRun.run(args);
            assertThat(r.exitCode()).isEqualTo(2);
            assertThat(r.errorLine()).isEqualTo("macm: give either --link (a log) or --equivocations PEER (evidence)"
                    + " (see 'macm export --help')");
        }
        CliRun sameLogOfOne = CliRun.run("verify", "--same-log", out, "--key", cnKey);
        assertThat(sameLogOfOne.exitCode()).isEqualTo(2);
        assertThat(sameLogOfOne.errorLine()).startsWith("macm: --same-log compares two files: two copies of one log");
    }

    @Test
    void exportEquivocations_whileTheStationRuns_givesTheOfflineBytes() throws Exception {
        Path offline = exportEvidence(tmp.resolve("offline.jsonl"));
        Path online = tmp.resolve("online.jsonl");
        pair.write(pair.spec(JP));
        try (StationRuntime jp = StationRuntime.start(pair.jp(), Clock.systemUTC())) {
            assertThat(jp.station().store().equivocations(jp.station().peerLog(CN))).hasSize(1);
            CliRun r = CliRun.run("export", "--dir", pair.jp().dir().toString(), "--equivocations", "cn-mnd",
                    "--out", online.toString());
            assertThat(r.exitCode()).as(r.err()).isZero();
            assertThat(r.out()).endsWith("(online: through the running station's API)\n");
            CliRun none = CliRun.run("export", "--dir", pair.jp().dir().toString(), "--equivocations", "us-dod",
                    "--out", tmp.resolve("x.jsonl").toString());
            assertThat(none.exitCode()).isEqualTo(1);
            assertThat(none.errorLine()).contains("no peer us-dod is pinned at station jp-mod");
        }
        assertThat(Files.readAllBytes(online)).isEqualTo(Files.readAllBytes(offline));
    }

    // --- two copies of one log -------------------------------------------------------------

    private Path cnOwnExport() {
        Path f = tmp.resolve("cn-own.jsonl");
        CliRun r = CliRun.run("export", "--dir", pair.cn().dir().toString(), "--link", "jp-mod", "--out", f.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        return f;
    }

    private Path jpCopyOfCn() {
        Path f = tmp.resolve("cn-at-jp.jsonl");
        CliRun r = CliRun.run("export", "--dir", pair.jp().dir().toString(), "--link", "cn-mnd", "--author", "cn-mnd",
                "--out", f.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        return f;
    }

    private CliRun sameLog(Path a, Path b, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("verify", "--same-log", a.toString(), b.toString(), "--key", cnKey));
        args.addAll(List.of(more));
        return CliRun.run(args.toArray(String[]::new));
    }

    @Test
    void sameLog_identicalCopies_verify() {
        Path own = cnOwnExport();
        Path copy = jpCopyOfCn();
        CliRun r = sameLog(own, copy);
        assertThat(r.exitCode()).as(r.out()).isZero();
        assertThat(r.out()).contains("OK   same log: " + own + " and " + copy + " are identical copies of log "
                + "cn-mnd~jp-mod/cn-mnd, seq 1-2, head " + cnLog.get(1).hash().shortHex() + "\n").endsWith("VERIFIED\n");
    }

    @Test
    void sameLog_aCopyThatHasNotCaughtUp_isAPrefix_andSaysWhichIsLongerByHowMuch() {
        try (StationPair.Opened open = pair.open(Clock.systemUTC())) {
            open.cn().write(JP, text("third, not yet at jp-mod"));
            open.cn().write(JP, text("fourth, not yet at jp-mod"));
        }
        Path own = cnOwnExport();
        Path copy = jpCopyOfCn();
        CliRun r = sameLog(copy, own);
        assertThat(r.exitCode()).as(r.out()).isZero();
        assertThat(r.out()).contains("OK   same log: " + copy + " is a prefix of " + own + " (identical in seq 1-2, head "
                + cnLog.get(1).hash().shortHex() + "); " + own + " is longer by 2 entries (seq 3-4)\n").endsWith("VERIFIED\n");
    }

    @Test
    void sameLog_copiesThatDiffer_reportEquivocationAtTheSeq_andWriteAProofThatVerifies() throws Exception {
        Path copy = jpCopyOfCn();
        // What cn-mnd would export later: its seq 2 is the version it denies the first with.
        Path claimed = tmp.resolve("cn-claims.jsonl");
        ExportFile.write(claimed, List.of(cnLog.get(0), denial));
        CliRun r = sameLog(copy, claimed);
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("FAIL [E-EQUIVOCATION] log cn-mnd~jp-mod/cn-mnd: the copies differ at seq 2 ("
                + copy + ": hash " + cnLog.get(1).hash().shortHex() + ", " + claimed + ": hash " + denial.hash().shortHex()
                + "); both are signed with cn-mnd's key, so cn-mnd signed two histories; seq 1 is identical\n")
                .contains("Write the proof file with: macm verify --same-log " + copy + " " + claimed + " --key " + cnKey
                        + " --proof-out FILE\n")
                .endsWith("NOT VERIFIED\n");

        Path proof = tmp.resolve("proof.jsonl");
        CliRun written = sameLog(copy, claimed, "--proof-out", proof.toString());
        assertThat(written.exitCode()).isEqualTo(1);
        assertThat(written.out()).contains("Proof written to " + proof + "; check it with: macm verify " + proof + " --key " + cnKey);
        CliRun checked = verify(proof);
        assertThat(checked.exitCode()).as(checked.out()).isZero();
        assertThat(checked.out()).contains("[E-EQUIVOCATION]").contains("at seq 2");
    }

    @Test
    void sameLog_ofTheTwoDirections_isRefused_andADamagedCopyFailsItsOwnCheck() throws Exception {
        Path jpOwn = tmp.resolve("jp-own.jsonl");
        try (StationPair.Opened open = pair.open(Clock.systemUTC())) {
            open.jp().write(CN, text("jp-mod speaks"));
        }
        assertThat(CliRun.run("export", "--dir", pair.jp().dir().toString(), "--link", "cn-mnd", "--out", jpOwn.toString())
                .exitCode()).isZero();
        Path own = cnOwnExport();
        CliRun r = CliRun.run("verify", "--same-log", own.toString(), jpOwn.toString(), "--key", cnKey, "--key", jpKey);
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("FAIL same log: " + own + " holds log cn-mnd~jp-mod/cn-mnd and " + jpOwn
                + " holds log cn-mnd~jp-mod/jp-mod: these are not two copies of one log");

        Path cut = tmp.resolve("cut.jsonl");
        List<String> lines = Files.readAllLines(own);
        Files.write(cut, List.of(lines.get(1)));
        CliRun damaged = sameLog(own, cut);
        assertThat(damaged.exitCode()).isEqualTo(1);
        assertThat(damaged.out()).contains("FAIL " + cut + " line 1 (seq 2)").endsWith("NOT VERIFIED\n");
    }
}

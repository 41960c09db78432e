package org.macm.station.officer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.macm.station.StationLayout;
import org.macm.station.config.ConfigException;
import org.macm.template.Language;

class OfficerRegistryTest {
    private static final String SECRET = "correct horse battery";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T03:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path tmp;

    private OfficerRegistry registry() {
        return new OfficerRegistry(new StationLayout(tmp), CLOCK, new SecureRandom());
    }

    private static Password pw(String text) {
        return Password.of(text.toCharArray());
    }

    private static Officer add(OfficerRegistry r, String name) {
        try (Password p = pw(SECRET)) {
            return r.add(name, "Lt Col Wang Hao", Role.DUTY, Optional.of(Language.ZH_HANS), p);
        }
    }

    @Test
    void add_writesOfficersJson_mode0600_holdingTheHash_butNeverThePassword() throws IOException {
        Officer o = add(registry(), "wang.hao");
        assertThat(o).isEqualTo(new Officer("wang.hao", "Lt Col Wang Hao", Role.DUTY, true,
                Optional.of(Language.ZH_HANS), CLOCK.instant(), CLOCK.instant()));
        Path file = tmp.resolve("officers.json");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        String text = Files.readString(file);
        assertThat(text).doesNotContain(SECRET).doesNotContain("battery")
                .contains("\"display-name\" : \"Lt Col Wang Hao\"").contains("\"language\" : \"zh-Hans\"")
                .contains("\"password\" : \"$argon2id$v=19$m=19456,t=2,p=1$");
    }

    @Test
    void anOfficerWithoutALanguage_isWrittenAndReadBack() {
        Officer o;
        try (Password p = pw(SECRET)) {
            o = registry().add("li.wei", "Col Li Wei", Role.ADMIN, Optional.empty(), p);
        }
        assertThat(registry().find("li.wei")).contains(o);
    }

    @Test
    void authenticate_rightPassword_givesTheOfficer_wrongOrUnknownOrDisabled_sayTheSame() {
        OfficerRegistry r = registry();
        Officer o = add(r, "wang.hao");
        assertThat(r.authenticate("wang.hao", pw(SECRET))).isEqualTo(o);
        assertThatThrownBy(() -> r.authenticate("wang.hao", pw("correct horse batterY")))
                .isInstanceOf(WrongPasswordException.class).hasMessage("wrong officer name or password");
        assertThatThrownBy(() -> r.authenticate("li.wei", pw(SECRET)))
                .isInstanceOf(WrongPasswordException.class).hasMessage("wrong officer name or password");
        assertThat(r.setEnabled("wang.hao", false)).isTrue();
        assertThatThrownBy(() -> r.authenticate("wang.hao", pw(SECRET)))
                .isInstanceOf(WrongPasswordException.class).hasMessage("wrong officer name or password");
    }

    @Test
    void aRegistryAlreadyOpen_seesAccountsAddedAndChangedThroughAnother_theRunningStationCase() {
        OfficerRegistry station = registry();
        assertThat(station.all()).isEmpty();
        OfficerRegistry cli = registry();
        add(cli, "wang.hao");
        assertThat(station.find("wang.hao")).map(Officer::displayName).contains("Lt Col Wang Hao");
        add(registry(), "li.wei");
        assertThat(station.all()).extracting(Officer::name).containsExactly("li.wei", "wang.hao");
        cli.setEnabled("li.wei", false);
        assertThat(station.find("li.wei")).map(Officer::enabled).contains(false);
        try (Password p = pw("a new and longer passphrase")) {
            registry().changePassword("wang.hao", p);
        }
        assertThat(station.authenticate("wang.hao", pw("a new and longer passphrase")).name()).isEqualTo("wang.hao");
    }

    @Test
    void aFailedWrite_leavesThePreviousFileByteIdentical_andTheAccountsAsTheyWere() throws IOException {
        add(registry(), "wang.hao");
        Path file = tmp.resolve("officers.json");
        byte[] before = Files.readAllBytes(file);
        OfficerRegistry failing = new OfficerRegistry(new StationLayout(tmp), CLOCK, new SecureRandom(),
                Argon2Cost.DEFAULT, new AtomicFile((channel, bytes) -> {
                    bytes.limit(10);
                    channel.write(bytes);
                    throw new IOException("No space left on device");
                }));
        assertThatThrownBy(() -> add(failing, "li.wei")).hasMessage("cannot write officers file " + file
                + ": No space left on device; the previous version is unchanged");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(failing.all()).extracting(Officer::name).containsExactly("wang.hao");
    }

    @Test
    void add_existingName_isRefused_andUnknownNamesAreNamed() {
        OfficerRegistry r = registry();
        add(r, "wang.hao");
        assertThatThrownBy(() -> add(r, "wang.hao")).hasMessage("officer wang.hao already exists; change it with "
                + "'macm officer passwd', 'macm officer disable' or 'macm officer enable'");
        assertThatThrownBy(() -> r.setEnabled("li.wei", false)).hasMessage("no officer named li.wei in "
                + tmp.resolve("officers.json") + "; see 'macm officer list --dir " + tmp + "'");
    }

    @Test
    void aHashMadeAtALowerCost_isRenewedAtTheCurrentCost_onASuccessfulLogin() throws IOException {
        OfficerRegistry cheap = new OfficerRegistry(new StationLayout(tmp), CLOCK, new SecureRandom(),
                new Argon2Cost(1024, 1, 1), new AtomicFile());
        add(cheap, "wang.hao");
        assertThat(Files.readString(tmp.resolve("officers.json"))).contains("$argon2id$v=19$m=1024,t=1,p=1$");
        registry().authenticate("wang.hao", pw(SECRET));
        assertThat(Files.readString(tmp.resolve("officers.json"))).contains("$argon2id$v=19$m=19456,t=2,p=1$")
                .doesNotContain("m=1024");
        assertThat(registry().authenticate("wang.hao", pw(SECRET)).name()).isEqualTo("wang.hao");
    }

    @Test
    void aFileOthersCanRead_isRefused_withTheChmodToRun() throws IOException {
        add(registry(), "wang.hao");
        Path file = tmp.resolve("officers.json");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> registry().all()).hasMessage("officers file " + file
                + " can be read by others (mode rw-r--r--): run 'chmod 600 " + file + "'");
    }

    @Test
    void aDamagedFile_isAConfigError_namingTheFileAndTheOfficer() throws IOException {
        add(registry(), "wang.hao");
        Path file = tmp.resolve("officers.json");
        Files.writeString(file, Files.readString(file).replace("\"duty\"", "\"captain\""));
        assertThatThrownBy(() -> registry().all()).isInstanceOf(ConfigException.class)
                .hasMessage("officers file " + file + ", officer wang.hao: role 'captain' is not duty, supervisor or admin");
        Files.writeString(file, Files.readString(file).replace("\"captain\"", "\"duty\"").replace("\"enabled\" : true,", ""));
        assertThatThrownBy(() -> registry().all()).isInstanceOf(ConfigException.class)
                .hasMessage("officers file " + file + ", officer wang.hao: a key is missing (name, display-name, role, "
                        + "enabled, created, changed and password are required; language is optional)");
        Files.writeString(file, "{\"format\":1,\"officers\":[],\"extra\":1}");
        assertThatThrownBy(() -> registry().all()).isInstanceOf(ConfigException.class)
                .hasMessage("officers file " + file + " is not valid: unknown key 'extra'; restore it from your backup");
    }

    @Test
    void displayName_blankOrMultiLineOrTooLongOrWithBidiOverride_isRefused() {
        Instant t = CLOCK.instant();
        assertThatThrownBy(() -> new Officer("a", " ", Role.DUTY, true, Optional.empty(), t, t))
                .hasMessage("the display name is blank: give the name to sign acknowledgements with (e.g. \"Lt Col Wang Hao\")");
        assertThatThrownBy(() -> new Officer("a", "Wang\nHao", Role.DUTY, true, Optional.empty(), t, t))
                .hasMessage("the display name holds a control character (a line break or tab, say): write it on one line");
        assertThatThrownBy(() -> new Officer("a", "Wang\u202eHao", Role.DUTY, true, Optional.empty(), t, t))
                .hasMessage("the display name holds a control character (a line break or tab, say): write it on one line");
        assertThatThrownBy(() -> new Officer("a", "W".repeat(81), Role.DUTY, true, Optional.empty(), t, t))
                .hasMessage("the display name is longer than 80 characters: shorten it");
        assertThat(new Officer("a", "王浩 中校", Role.DUTY, true, Optional.empty(), t, t).displayName()).isEqualTo("王浩 中校");
    }
}

package org.macm.station.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OfficerCommandTest {
    private static final String SECRET = "correct horse battery\n";

    @TempDir
    Path tmp;

    private Path dir;

    @BeforeEach
    void station() {
        dir = CliRun.init(tmp.resolve("cn-mnd"), "cn-mnd");
    }

    private CliRun add(String name, String password, String... more) {
        String[] args = new String[] {"officer", "add", "--dir", dir.toString(), "--name", name,
            "--display", "Lt Col Wang Hao", "--role", "duty", "--password-stdin"};
        String[] all = new String[args.length + more.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return CliRun.withInput(password, all);
    }

    @Test
    void add_thenList_showsTheAccount_andTheFileIsPrivate_withoutThePassword() throws Exception {
        CliRun r = add("wang.hao", SECRET, "--lang", "ZH-hans");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("Added officer wang.hao (Lt Col Wang Hao), role duty.\n");
        CliRun list = CliRun.run("officer", "list", "--dir", dir.toString());
        assertThat(list.exitCode()).isZero();
        assertThat(list.out()).isEqualTo("wang.hao  duty        enabled   zh-Hans  Lt Col Wang Hao\n");
        Path file = dir.resolve("officers.json");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.readString(file)).doesNotContain("correct horse battery");
    }

    @Test
    void listJson_parses_andHoldsNoHashOrPassword() throws Exception {
        add("wang.hao", SECRET, "--lang", "ja");
        CliRun r = CliRun.run("officer", "list", "--json", "--dir", dir.toString());
        assertThat(r.exitCode()).isZero();
        JsonNode officer = Json.MAPPER.readTree(r.out()).get("officers").get(0);
        assertThat(officer.get("name").asText()).isEqualTo("wang.hao");
        assertThat(officer.get("displayName").asText()).isEqualTo("Lt Col Wang Hao");
        assertThat(officer.get("role").asText()).isEqualTo("duty");
        assertThat(officer.get("enabled").asBoolean()).isTrue();
        assertThat(officer.get("language").asText()).isEqualTo("ja");
        assertThat(officer.properties()).extracting(Map.Entry::getKey)
                .containsExactly("name", "displayName", "role", "enabled", "language", "created", "changed");
        assertThat(r.out()).doesNotContain("argon2").doesNotContain("password");
    }

    @Test
    void list_empty_saysHowToAddOne() {
        CliRun r = CliRun.run("officer", "list", "--dir", dir.toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("No officers yet. Add one with: macm officer add --dir " + dir
                + " --name NAME --display \"NAME AS SIGNED\" --role duty --password-stdin\n");
    }

    @Test
    void disable_enable_changeTheState_andSayWhenNothingChanged() {
        add("wang.hao", SECRET);
        CliRun off = CliRun.run("officer", "disable", "--dir", dir.toString(), "wang.hao");
        assertThat(off.exitCode()).isZero();
        assertThat(off.out()).isEqualTo("Disabled officer wang.hao; they can no longer log in.\n");
        assertThat(CliRun.run("officer", "disable", "--dir", dir.toString(), "wang.hao").out())
                .isEqualTo("Officer wang.hao was already disabled.\n");
        assertThat(CliRun.run("officer", "list", "--dir", dir.toString()).out()).contains(" disabled ");
        CliRun on = CliRun.run("officer", "enable", "--dir", dir.toString(), "wang.hao");
        assertThat(on.exitCode()).isZero();
        assertThat(on.out()).isEqualTo("Enabled officer wang.hao; they can log in again.\n");
        assertThat(CliRun.run("officer", "enable", "--dir", dir.toString(), "wang.hao").out())
                .isEqualTo("Officer wang.hao was already enabled.\n");
    }

    @Test
    void passwd_replacesTheHash_andUnknownNamesPointToTheList() throws Exception {
        add("wang.hao", SECRET);
        String before = Files.readString(dir.resolve("officers.json"));
        CliRun r = CliRun.withInput("another long passphrase\n", "officer", "passwd", "--dir", dir.toString(),
                "wang.hao", "--password-stdin");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("Changed the password of officer wang.hao.\n");
        assertThat(Files.readString(dir.resolve("officers.json"))).isNotEqualTo(before)
                .doesNotContain("another long passphrase");
        CliRun unknown = CliRun.withInput(SECRET, "officer", "passwd", "--dir", dir.toString(), "li.wei",
                "--password-stdin");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.errorLine()).isEqualTo("macm: no officer named li.wei in " + dir.resolve("officers.json")
                + "; see 'macm officer list --dir " + dir + "'");
        CliRun disable = CliRun.run("officer", "disable", "--dir", dir.toString(), "li.wei");
        assertThat(disable.exitCode()).isEqualTo(1);
        assertThat(disable.errorLine()).isEqualTo(unknown.errorLine());
    }

    @Test
    void add_existingName_isRefused_andTheFirstAccountKept() throws Exception {
        add("wang.hao", SECRET);
        String before = Files.readString(dir.resolve("officers.json"));
        CliRun r = add("wang.hao", "another long passphrase\n");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.errorLine()).isEqualTo("macm: officer wang.hao already exists; change it with "
                + "'macm officer passwd', 'macm officer disable' or 'macm officer enable'");
        assertThat(Files.readString(dir.resolve("officers.json"))).isEqualTo(before);
    }

    @Test
    void add_badName_sayWhatIsAllowed() {
        CliRun r = add("Wang Hao", SECRET);
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.errorLine()).isEqualTo("macm: 'Wang Hao' is not a valid officer name: use 1-32 lower-case "
                + "letters, digits, dots, dashes and underscores, starting with a letter or digit (e.g. wang.hao)");
        assertThat(dir.resolve("officers.json")).doesNotExist();
    }

    @Test
    void add_shortOrMissingPassword_isRefused() {
        CliRun shortOne = add("wang.hao", "elevenchars\n");
        assertThat(shortOne.exitCode()).isEqualTo(1);
        assertThat(shortOne.errorLine()).isEqualTo("macm: the password is too short: use at least 12 characters");
        CliRun none = add("wang.hao", "");
        assertThat(none.exitCode()).isEqualTo(1);
        assertThat(none.errorLine()).isEqualTo("macm: no password on standard input: pipe it in, e.g. from a "
                + "password manager, or type it and press Enter");
        assertThat(dir.resolve("officers.json")).doesNotExist();
    }

    @Test
    void add_withoutPasswordStdin_isAUsageError() {
        CliRun r = CliRun.withInput(SECRET, "officer", "add", "--dir", dir.toString(), "--name", "wang.hao",
                "--display", "Lt Col Wang Hao", "--role", "duty");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.errorLine()).isEqualTo("macm: Missing required option: '--password-stdin': the password is read "
                + "from standard input only, never from the command line (see 'macm officer add --help')");
    }

    @Test
    void add_unknownRole_isAUsageError_listingTheRoles_andRolesReadInAnyCase() {
        CliRun r = CliRun.withInput(SECRET, "officer", "add", "--dir", dir.toString(), "--name", "wang.hao",
                "--display", "Lt Col Wang Hao", "--role", "captain", "--password-stdin");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.errorLine()).isEqualTo("macm: Invalid value for option '--role': 'captain' is not a role; "
                + "use one of duty, supervisor, admin (see 'macm officer add --help')");
        CliRun upper = CliRun.withInput(SECRET, "officer", "add", "--dir", dir.toString(), "--name", "li.wei",
                "--display", "Col Li Wei", "--role", "SUPERVISOR", "--password-stdin");
        assertThat(upper.exitCode()).as(upper.err()).isZero();
        assertThat(upper.out()).isEqualTo("Added officer li.wei (Col Li Wei), role supervisor.\n");
    }

    @Test
    void add_unknownLanguage_isAUsageError_listingTheTags() {
        CliRun r = add("wang.hao", SECRET, "--lang", "fr");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.errorLine()).isEqualTo("macm: Invalid value for option '--lang': 'fr' is not a language MACM "
                + "renders; use one of en, ja, zh-Hans (zh, zh-CN and zh-Hans-CN are read as zh-Hans) "
                + "(see 'macm officer add --help')");
    }

    @Test
    void officer_takesTheStationFolderFromMacmDir_andRefusesAFolderThatIsNoStation() {
        add("wang.hao", SECRET);
        CliRun env = CliRun.withEnv(Map.of("MACM_DIR", dir.toString()), "officer", "list");
        assertThat(env.exitCode()).isZero();
        assertThat(env.out()).startsWith("wang.hao  ");
        Path empty = tmp.resolve("empty");
        CliRun none = CliRun.run("officer", "list", "--dir", empty.toString());
        assertThat(none.exitCode()).isEqualTo(1);
        assertThat(none.errorLine()).isEqualTo("macm: " + empty + " is not a station folder (it has no station.toml): "
                + "name the folder 'macm init' made, or create one with: macm init --station NAME --dir DIR");
    }

    @Test
    void add_help_listsTheRolesAndLanguages_andMacmHelpListsOfficer() {
        CliRun r = CliRun.run("officer", "add", "--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("One of: duty, supervisor, admin.").contains("en, ja, zh-Hans")
                .contains("--password-stdin");
        assertThat(CliRun.run("--help").out()).containsPattern("(?m)^  officer ");
    }

    @Test
    void add_passwordLongerThan1024Characters_isRefused_beforeHashing() {
        CliRun r = add("wang.hao", "x".repeat(5000) + "\n");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.errorLine()).isEqualTo("macm: the password is longer than 1024 characters");
    }

    @Test
    void officer_alone_isAUsageError_namingTheSubcommands() {
        CliRun r = CliRun.run("officer");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.errorLine()).isEqualTo("macm: say what to do: macm officer add | list | disable | enable | passwd "
                + "(see 'macm officer --help')");
    }
}

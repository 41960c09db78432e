package org.macm.station.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.macm.core.log.Precedence;
import org.macm.template.Language;
import picocli.CommandLine;

/** --precedence and --lang take what an officer types, in any case, and a wrong value names the right ones. */
class OptionValuesTest {
    @TempDir
    Path tmp;

    private static CommandLine.ParseResult parse(String... args) {
        return Macm.commandLine(new ByteArrayInputStream(new byte[0]), new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()), Clock.systemUTC()).parseArgs(args).subcommand();
    }

    @ParameterizedTest
    @CsvSource({"flash,FLASH", "Flash,FLASH", "FLASH,FLASH", "immediate,IMMEDIATE", "priority,PRIORITY", "routine,ROUTINE"})
    void send_precedenceInAnyCase_isAccepted(String typed, Precedence expected) {
        CommandLine.ParseResult r = parse("send", "--dir", "x", "--to", "cn-mnd", "--precedence", typed, "--text", "t");
        assertThat(r.<Object>matchedOptionValue("--precedence", null)).isEqualTo(Optional.of(expected));
    }

    @Test
    void send_unknownPrecedence_isAUsageErrorListingTheFour() {
        CliRun r = CliRun.run("send", "--dir", tmp.toString(), "--to", "cn-mnd", "--precedence", "urgent", "--text", "t");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("macm: Invalid value for option '--precedence': 'urgent' is not a precedence; "
                + "use one of FLASH, IMMEDIATE, PRIORITY, ROUTINE (see 'macm send --help')\n");
    }

    @ParameterizedTest
    @CsvSource({"en,EN", "EN,EN", "ja,JA", "JA,JA", "zh-Hans,ZH_HANS", "zh-hans,ZH_HANS", "ZH-HANS,ZH_HANS", "zh,ZH_HANS",
        "zh-CN,ZH_HANS", "zh-cn,ZH_HANS", "zh-Hans-CN,ZH_HANS", "zh_CN,ZH_HANS"})
    void lang_tagsAndChineseAliases_areAcceptedByEveryCommand(String typed, Language expected) {
        String[][] commands = {
            {"send", "--dir", "x", "--to", "cn-mnd", "--text", "t", "--lang", typed},
            {"show", "--dir", "x", "jp-mod/1", "--lang", typed},
            {"inbox", "--dir", "x", "--lang", typed},
            {"watch", "--lang", typed},
            {"template", "list", "--lang", typed},
            {"template", "show", "encounter-notice", "--lang", typed},
            {"template", "render", "encounter-notice", "--fields", "f.json", "--lang", typed},
        };
        for (String[] command : commands) {
            CommandLine.ParseResult r = parse(command);
            while (r.hasSubcommand()) {
                r = r.subcommand();
            }
            assertThat(r.<Object>matchedOptionValue("--lang", null)).as(String.join(" ", command)).isEqualTo(expected);
        }
    }

    @Test
    void lang_unknownTag_isAUsageErrorListingTheTags() {
        CliRun r = CliRun.run("template", "list", "--lang", "ko");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("macm: Invalid value for option '--lang': 'ko' is not a language MACM renders; "
                + "use one of en, ja, zh-Hans (zh, zh-CN and zh-Hans-CN are read as zh-Hans) (see 'macm template list --help')\n");
    }

    @Test
    void lang_zhCN_rendersTheSameAsZhHans() {
        CliRun zh = CliRun.run("template", "list", "--lang", "zh-CN");
        assertThat(zh.exitCode()).isZero();
        assertThat(zh.out()).isEqualTo(CliRun.run("template", "list", "--lang", "zh-Hans").out())
                .isNotEqualTo(CliRun.run("template", "list").out());
    }

    @Test
    void help_listsTheValues_withoutJavaNames() {
        CliRun send = CliRun.run("send", "--help");
        assertThat(send.exitCode()).isZero();
        assertThat(send.out().replaceAll("\\s+", " ")).contains("FLASH, IMMEDIATE, PRIORITY, ROUTINE, in any case")
                .contains("The language of the text: en, ja, zh-Hans (default en)")
                .doesNotContain("org.macm").doesNotContain("java.");
    }
}

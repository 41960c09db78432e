package org.macm.station.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.macm.station.StationException;
import org.macm.station.StationLayout;
import org.macm.station.config.ConfigException;
import org.macm.station.officer.Officer;
import org.macm.station.officer.OfficerRegistry;
import org.macm.station.officer.Password;
import org.macm.station.officer.Role;
import org.macm.template.Language;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code macm officer}: the accounts officers log in to the console with. It edits
 * {@code DIR/officers.json} directly, so it works whether or not the station runs; a running
 * station sees the change at once. Passwords are read from standard input only (never from
 * the command line, where {@code ps} and the shell history would show them), and no
 * subcommand prints a password or a hash.
 */
@Command(name = "officer", mixinStandardHelpOptions = true,
        description = "Add, list, enable, disable officers' console accounts, or change a password.",
        subcommands = {OfficerCommand.Add.class, OfficerCommand.ListOfficers.class, OfficerCommand.Disable.class,
            OfficerCommand.Enable.class, OfficerCommand.Passwd.class})
final class OfficerCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @ParentCommand
    Macm macm;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "say what to do: macm officer add | list | disable | enable | passwd");
    }

    OfficerRegistry registry(StationLayout layout) {
        if (!Files.isRegularFile(layout.config())) {
            throw new ConfigException(layout.dir() + " is not a station folder (it has no station.toml): "
                    + "name the folder 'macm init' made, or create one with: macm init --station NAME --dir DIR");
        }
        return new OfficerRegistry(layout, macm.clock(), macm.random());
    }

    /**
     * Reads one line of standard input as the password, without ever making it a String;
     * {@code stdin} is the command's {@code --password-stdin}, without which nothing is read.
     */
    Password readPassword(CommandSpec command, boolean stdin) throws IOException {
        if (!stdin) {
            throw new CommandLine.ParameterException(command.commandLine(), "Missing required option: "
                    + "'--password-stdin': the password is read from standard input only, never from the command line");
        }
        BufferedReader in = macm.in();
        char[] buffer = new char[Password.MIN_LENGTH * 8];
        int length = 0;
        try {
            int c;
            while ((c = in.read()) >= 0 && c != '\n') {
                if (length > Password.MAX_LENGTH) {
                    throw new StationException("the password is longer than " + Password.MAX_LENGTH + " characters");
                }
                if (length == buffer.length) {
                    char[] bigger = Arrays.copyOf(buffer, buffer.length * 2);
                    Arrays.fill(buffer, '\0');
                    buffer = bigger;
                }
                buffer[length++] = (char) c;
            }
            if (length > 0 && buffer[length - 1] == '\r') {
                length--;
            }
            if (length == 0) {
                throw new StationException("no password on standard input: pipe it in, e.g. from a password manager, "
                        + "or type it and press Enter");
            }
            return Password.of(Arrays.copyOf(buffer, length));
        } finally {
            Arrays.fill(buffer, '\0');
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Add an officer's account; the password is read from standard input.")
    static final class Add implements Callable<Integer> {
        @ParentCommand
        private OfficerCommand parent;

        @Spec
        private CommandSpec spec;

        @Mixin
        private StationDirOption dir;

        @Option(names = "--name", required = true, paramLabel = "NAME",
                description = "The account name to log in with: 1-32 of a-z, 0-9, '.', '-', '_' (e.g. wang.hao).")
        private String name;

        @Option(names = "--display", required = true, paramLabel = "TEXT",
                description = "The name signed into the acknowledgements this officer makes (e.g. \"Lt Col Wang Hao\").")
        private String display;

        @Option(names = "--role", required = true, paramLabel = "ROLE", completionCandidates = RoleConverter.Names.class,
                description = "One of: ${COMPLETION-CANDIDATES}.")
        private Role role;

        @Option(names = "--lang", paramLabel = "LANG", completionCandidates = LanguageConverter.Tags.class,
                description = "The language the console is shown in for this officer: ${COMPLETION-CANDIDATES} "
                        + "(default: the station's).")
        private Language language;

        @Option(names = "--password-stdin",
                description = "Read the password (at least " + Password.MIN_LENGTH + " characters) from standard input.")
        private boolean passwordStdin;

        @Override
        public Integer call() throws IOException {
            OfficerRegistry registry = parent.registry(dir.layout());
            Officer officer;
            try (Password password = parent.readPassword(spec, passwordStdin)) {
                officer = registry.add(name, display, role, Optional.ofNullable(language), password);
            }
            spec.commandLine().getOut().println("Added officer " + officer.name() + " (" + officer.displayName()
                    + "), role " + officer.role().word() + ".");
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the officers' accounts (never their passwords).")
    static final class ListOfficers implements Callable<Integer> {
        @ParentCommand
        private OfficerCommand parent;

        @Spec
        private CommandSpec spec;

        @Mixin
        private StationDirOption dir;

        @Option(names = "--json", description = "Print JSON for machines: each account's name, display name, role, "
                + "enabled, language, created and changed.")
        private boolean json;

        @Override
        public Integer call() {
            StationLayout layout = dir.layout();
            var officers = parent.registry(layout).all();
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                ObjectNode root = Json.MAPPER.createObjectNode();
                ArrayNode list = root.putArray("officers");
                for (Officer o : officers) {
                    ObjectNode n = list.addObject().put("name", o.name()).put("displayName", o.displayName())
                            .put("role", o.role().word()).put("enabled", o.enabled());
                    o.language().ifPresent(l -> n.put("language", l.tag()));
                    n.put("created", o.created().toString()).put("changed", o.changed().toString());
                }
                Json.print(out, root);
                return 0;
            }
            if (officers.isEmpty()) {
                out.println("No officers yet. Add one with: macm officer add --dir " + layout.dir()
                        + " --name NAME --display \"NAME AS SIGNED\" --role duty --password-stdin");
                return 0;
            }
            int width = officers.stream().mapToInt(o -> o.name().length()).max().orElse(4);
            for (Officer o : officers) {
                out.println(String.format("%-" + width + "s  %-10s  %-8s  %-7s  %s", o.name(), o.role().word(),
                        o.enabled() ? "enabled" : "disabled", o.language().map(Language::tag).orElse("-"),
                        o.displayName()));
            }
            return 0;
        }
    }

    /** What every command on one existing account takes: the station folder and the account name. */
    abstract static class OneAccount implements Callable<Integer> {
        @ParentCommand
        OfficerCommand parent;

        @Spec
        CommandSpec spec;

        @Mixin
        StationDirOption dir;

        @Parameters(paramLabel = "NAME", description = "The account name.")
        String name;
    }

    @Command(name = "disable", mixinStandardHelpOptions = true,
            description = "Stop an officer from logging in; the account and its record stay.")
    static final class Disable extends OneAccount {
        @Override
        public Integer call() {
            boolean changed = parent.registry(dir.layout()).setEnabled(name, false);
            spec.commandLine().getOut().println(changed ? "Disabled officer " + name + "; they can no longer log in."
                    : "Officer " + name + " was already disabled.");
            return 0;
        }
    }

    @Command(name = "enable", mixinStandardHelpOptions = true, description = "Let a disabled officer log in again.")
    static final class Enable extends OneAccount {
        @Override
        public Integer call() {
            boolean changed = parent.registry(dir.layout()).setEnabled(name, true);
            spec.commandLine().getOut().println(changed ? "Enabled officer " + name + "; they can log in again."
                    : "Officer " + name + " was already enabled.");
            return 0;
        }
    }

    @Command(name = "passwd", mixinStandardHelpOptions = true,
            description = "Change an officer's password; the new one is read from standard input.")
    static final class Passwd extends OneAccount {
        @Option(names = "--password-stdin",
                description = "Read the new password (at least " + Password.MIN_LENGTH + " characters) from standard input.")
        private boolean passwordStdin;

        @Override
        public Integer call() throws IOException {
            OfficerRegistry registry = parent.registry(dir.layout());
            try (Password password = parent.readPassword(spec, passwordStdin)) {
                registry.changePassword(name, password);
            }
            spec.commandLine().getOut().println("Changed the password of officer " + name + ".");
            return 0;
        }
    }
}

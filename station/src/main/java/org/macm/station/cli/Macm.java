package org.macm.station.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;
import org.macm.core.MacmException;
import org.macm.core.log.Precedence;
import org.macm.station.config.HostPort;
import org.macm.station.logging.LogFormat;
import org.macm.station.logging.LogSettings;
import org.macm.station.logging.LogSetup;
import org.macm.station.officer.Role;
import org.macm.template.Language;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code macm} command. Exit codes: 0 done, 1 the command failed (the message says why
 * and what to do), 2 the command line was wrong. Errors go to standard error as one line.
 */
@Command(name = "macm",
        mixinStandardHelpOptions = true,
        versionProvider = Macm.Version.class,
        description = "MACM: a verifiable hotline between two defense authorities, and the encounter watch.")
public final class Macm implements Runnable {
    /**
     * The subcommands, in the order {@code macm --help} lists them. Registered in code rather
     * than in the annotation so that {@link #main} can register only the one a command line
     * names: picocli builds each subcommand's model by reflection, which was most of the
     * start-up time of a short command such as {@code macm status}.
     */
    private static final List<Class<?>> SUBCOMMANDS = List.of(
            InitCommand.class,
            PeerCommand.class,
            OfficerCommand.class,
            ExportCommand.class,
            VerifyCommand.class,
            ReportCommand.class,
            TranscriptCommand.class,
            RunCommand.class,
            SendCommand.class,
            InboxCommand.class,
            AckCommand.class,
            StatusCommand.class,
            ShowCommand.class,
            TemplateCommand.class,
            AisCommand.class,
            AdsbCommand.class,
            WatchCommand.class,
            AlertsCommand.class,
            DemoCommand.class,
            StoreCommand.class,
            CommandLine.HelpCommand.class);

    private final InputStream bytesIn;
    private final BufferedReader in;
    private final Clock clock;
    private final Supplier<SecureRandom> random;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** Set by {@code --log-format} before or after the subcommand; read once the line is parsed. */
    private LogFormat logFormat = LogFormat.TEXT;
    private final Map<String, String> env;

    public Macm(InputStream in, Clock clock, SecureRandom random) {
        this(in, clock, () -> random, Map.of());
    }

    Macm(InputStream in, Clock clock, SecureRandom random, Map<String, String> env) {
        this(in, clock, () -> random, env);
    }

    /** Seeding a SecureRandom costs start-up time, so it is made only for a command that asks for it. */
    private Macm(InputStream in, Clock clock, Supplier<SecureRandom> random, Map<String, String> env) {
        this.env = Map.copyOf(env);
        this.bytesIn = in;
        this.in = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        this.clock = clock;
        this.random = random;
    }

    BufferedReader in() {
        return in;
    }

    /** Standard input as bytes, for a command that reads a binary feed ({@code macm adsb decode -}). */
    InputStream bytesIn() {
        return bytesIn;
    }

    Clock clock() {
        return clock;
    }

    /** The environment the command line was built with: where a command reads MACM_STORE_PASSWORD. */
    Map<String, String> env() {
        return env;
    }

    SecureRandom random() {
        return random.get();
    }

    @CommandLine.Option(names = "--log-format", paramLabel = "FORMAT", scope = CommandLine.ScopeType.INHERIT,
            converter = LogFormatConverter.class, completionCandidates = LogFormatConverter.Words.class,
            description = "Log lines on standard error as text (the default) or json (one object per line).")
    void setLogFormat(LogFormat format) {
        this.logFormat = format;
    }

    /**
     * What logging needs from the command line and the environment: standard error in the
     * {@code --log-format} at {@code MACM_LOG_LEVEL}. {@code macm run} adds station.toml's file.
     */
    LogSettings logSettings() {
        return LogSettings.stderr(logFormat, env);
    }


    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Builds the command line with the given streams and no environment; tests call this. */
    public static CommandLine commandLine(InputStream in, PrintWriter out, PrintWriter err, Clock clock) {
        return commandLine(in, out, err, clock, Map.of());
    }

    /**
     * Builds the command line with the given streams and environment ({@code MACM_DIR} is the
     * default station folder); {@link #main} passes the process's environment.
     */
    public static CommandLine commandLine(InputStream in, PrintWriter out, PrintWriter err, Clock clock,
            Map<String, String> env) {
        return commandLine(in, out, err, clock, env, SUBCOMMANDS);
    }

    /**
     * The command line with only the given subcommands. The converters, handlers and streams
     * below apply to the subcommands present when they are set, so these are added first.
     */
    private static CommandLine commandLine(InputStream in, PrintWriter out, PrintWriter err, Clock clock,
            Map<String, String> env, List<Class<?>> subcommands) {
        Supplier<SecureRandom> random = new Supplier<>() {
            private SecureRandom made;

            @Override
            public synchronized SecureRandom get() {
                if (made == null) {
                    made = new SecureRandom();
                }
                return made;
            }
        };
        Macm macm = new Macm(in, clock, random, env);
        CommandLine cl = new CommandLine(macm);
        for (Class<?> sub : subcommands) {
            cl.addSubcommand(sub);
        }
        cl.registerConverter(Precedence.class, new PrecedenceConverter());
        cl.registerConverter(Language.class, new LanguageConverter());
        cl.registerConverter(Role.class, new RoleConverter());
        cl.registerConverter(HostPort.class, new HostPortConverter());
        cl.setDefaultValueProvider(StationDirOption.fromEnvironment(env));
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler(Macm::usageError);
        cl.setExecutionStrategy(parsed -> {
            // logback.xml (text, WARN, MACM_LOG_LEVEL) already holds; only JSON needs the setup, before the command runs.
            if (macm.logFormat != LogFormat.TEXT) {
                try {
                    LogSetup.forThisProcess().apply(macm.logSettings());
                } catch (MacmException e) {
                    parsed.commandSpec().commandLine().getErr().println("macm: " + e.getMessage());
                    parsed.commandSpec().commandLine().getErr().flush();
                    return 1;
                }
            }
            return new CommandLine.RunLast().execute(parsed);
        });
        cl.setExecutionExceptionHandler((ex, line, parsed) -> {
            PrintWriter e = line.getErr();
            if (ex instanceof MacmException) {
                e.println("macm: " + ex.getMessage());
            } else {
                e.println("macm: unexpected error (please report it with the command you ran): " + ex);
                ex.printStackTrace(e);
            }
            e.flush();
            return 1;
        });
        return cl;
    }

    /**
     * A wrong command line: one line saying what is wrong and where the options are listed
     * (then picocli's suggestions for a misspelt word), instead of the whole usage text.
     */
    private static int usageError(CommandLine.ParameterException ex, String[] args) {
        CommandLine line = ex.getCommandLine();
        PrintWriter err = line.getErr();
        err.println("macm: " + ex.getMessage() + " (see '" + line.getCommandSpec().qualifiedName() + " --help')");
        CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
        err.flush();
        return line.getCommandSpec().exitCodeOnInvalidInput();
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        List<Class<?>> subcommands = subcommandsFor(args);
        int code = commandLine(System.in, out, err, Clock.systemUTC(), System.getenv(), subcommands).execute(args);
        out.flush();
        System.exit(code);
    }

    /**
     * The subcommands a command line needs: none for exactly {@code --version} (or {@code -V}),
     * only the named one when the first word names a subcommand (what follows it is that
     * subcommand's business), else all of them ({@code help}, which lists them, no arguments, a misspelt word, whose
     * suggestions need every name, or global options before the subcommand).
     */
    static List<Class<?>> subcommandsFor(String[] args) {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            return List.of();
        }
        if (args.length > 0) {
            for (Class<?> sub : SUBCOMMANDS) {
                Command c = sub.getAnnotation(Command.class);
                if (sub != CommandLine.HelpCommand.class && c != null && (c.name().equals(args[0]) || Arrays.asList(c.aliases()).contains(args[0]))) {
                    return List.of(sub);
                }
            }
        }
        return SUBCOMMANDS;
    }

    /** The version from the build, as {@code macm --version} prints it. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            return VersionLines.read();
        }
    }
}

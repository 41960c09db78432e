package org.macm.station.cli;

import java.nio.file.Path;
import java.util.Map;
import org.macm.station.StationLayout;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code --dir} option every station command takes. When it is not given, the
 * {@code MACM_DIR} environment variable names the station folder; {@code --dir} wins.
 */
final class StationDirOption {
    static final String ENV = "MACM_DIR";
    /** Marks this option for {@link #fromEnvironment}; {@code macm demo}'s own --dir is not one. */
    private static final String KEY = "macm.station-dir";

    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    @Option(names = {"-d", "--dir"}, paramLabel = "DIR", descriptionKey = KEY,
            description = "The station folder (made by 'macm init'); default: $" + ENV + ".")
    Path dir;

    StationLayout layout() {
        if (dir == null) {
            throw new CommandLine.ParameterException(command.commandLine(),
                    "Missing required option: '--dir=DIR': name the station folder, or set " + ENV + " to it");
        }
        return new StationLayout(dir);
    }

    /** Supplies {@code --dir} from {@code MACM_DIR} in {@code env}, for the commands that take this option. */
    static CommandLine.IDefaultValueProvider fromEnvironment(Map<String, String> env) {
        return arg -> arg instanceof CommandLine.Model.OptionSpec o && KEY.equals(o.descriptionKey())
                && !env.getOrDefault(ENV, "").isBlank() ? env.get(ENV) : null;
    }
}

package org.macm.station.cli;

import org.macm.station.config.HostPort;
import picocli.CommandLine;

/** Reads an address option ({@code --listen}, {@code --api-listen}) exactly as station.toml reads one. */
final class HostPortConverter implements CommandLine.ITypeConverter<HostPort> {
    @Override
    public HostPort convert(String value) {
        return HostPort.parse(value).orElseThrow(() -> new CommandLine.TypeConversionException("'" + value
                + "' is not an address; write HOST:PORT, e.g. 0.0.0.0:7701 or [::1]:7701"));
    }
}

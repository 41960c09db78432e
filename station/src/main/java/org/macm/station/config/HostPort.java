package org.macm.station.config;

import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An address as {@code station.toml} and the command line write it: {@code HOST:PORT}, with
 * an IPv6 host in brackets ({@code [::1]:7701}). One parser for both, so {@code macm init
 * --listen} accepts exactly what the config file does.
 */
public record HostPort(String host, int port) {
    private static final Pattern FORM = Pattern.compile("(\\[[0-9a-fA-F:]+]|[^:\\s\\[\\]]+):(\\d{1,5})");

    public HostPort {
        Objects.requireNonNull(host, "host");
    }

    /** The address in {@code text}, if it is {@code HOST:PORT} with a port up to 65535. */
    public static Optional<HostPort> parse(String text) {
        Matcher m = text == null ? null : FORM.matcher(text.strip());
        if (m == null || !m.matches() || Integer.parseInt(m.group(2)) > 65535) {
            return Optional.empty();
        }
        String host = m.group(1).startsWith("[") ? m.group(1).substring(1, m.group(1).length() - 1) : m.group(1);
        return Optional.of(new HostPort(host, Integer.parseInt(m.group(2))));
    }

    public InetSocketAddress socketAddress() {
        return new InetSocketAddress(host, port);
    }

    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}

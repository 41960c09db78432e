package org.macm.station.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads station.toml's store: today's {@code store = "path"} string (SQLite) or the
 * {@code [store]} table ({@code file}, or {@code url} with {@code user}, {@code password-file},
 * {@code node} and {@code lease}). Every error names the file and the key.
 */
final class StoreTable {
    static final String DEFAULT_FILE = "store/macm.db";
    static final Duration DEFAULT_LEASE = Duration.ofSeconds(5);
    /** {@code postgresql://[user[:password]@]host[:port]/database[?params]} */
    private static final Pattern URL = Pattern.compile(
            "postgresql://(?:([^:@/?]+)(:[^@/?]*)?@)?([^@/?]+)/([^/?]+)(\\?.*)?");
    private static final Pattern NODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");

    /** {@code [store]} as written. */
    record Raw(@JsonProperty("file") String file, @JsonProperty("url") String url, @JsonProperty("user") String user,
            @JsonProperty("password-file") String passwordFile, @JsonProperty("node") String node,
            @JsonProperty("lease") String lease) {
    }

    private StoreTable() {
    }

    static StoreConfig read(Path config, Path base, JsonNode store, ObjectMapper mapper) {
        if (store == null || store.isNull()) {
            return new StoreConfig.Sqlite(base.resolve(DEFAULT_FILE).normalize());
        }
        if (store.isTextual()) {
            return new StoreConfig.Sqlite(base.resolve(store.asText()).normalize());
        }
        if (!store.isObject()) {
            throw new ConfigException("config file " + config + ": key 'store' must be text in quotes (the SQLite file,"
                    + " e.g. store = \"store/macm.db\") or a [store] table");
        }
        Raw raw;
        try {
            raw = mapper.treeToValue(store, Raw.class);
        } catch (UnrecognizedPropertyException e) {
            String known = e.getKnownPropertyIds().stream().map(Object::toString).sorted()
                    .collect(Collectors.joining(", "));
            throw new ConfigException("config file " + config + ": unknown key '" + e.getPropertyName()
                    + "' in [store] (known keys: " + known + ")", e);
        } catch (MismatchedInputException e) {
            throw new ConfigException("config file " + config + ": [store] " + WrongType.describe(e), e);
        } catch (JsonProcessingException e) {
            throw new ConfigException("config file " + config + ": [store]: " + e.getOriginalMessage(), e);
        }
        if (raw.file() != null && raw.url() != null) {
            throw new ConfigException("config file " + config + ": [store] has both 'file' (SQLite) and 'url' (PostgreSQL);"
                    + " keep the one this station uses");
        }
        if (raw.url() == null) {
            for (String key : new String[] {"user", "password-file", "node", "lease"}) {
                if (given(raw, key)) {
                    throw new ConfigException("config file " + config + ": key 'store." + key + "' applies to a PostgreSQL"
                            + " store only; add url = \"postgresql://...\" or remove it");
                }
            }
            return new StoreConfig.Sqlite(base.resolve(raw.file() == null ? DEFAULT_FILE : raw.file()).normalize());
        }
        return postgres(config, base, raw);
    }

    private static boolean given(Raw raw, String key) {
        return switch (key) {
            case "user" -> raw.user() != null;
            case "password-file" -> raw.passwordFile() != null;
            case "node" -> raw.node() != null;
            default -> raw.lease() != null;
        };
    }

    private static StoreConfig.Postgres postgres(Path config, Path base, Raw raw) {
        String url = raw.url().strip();
        Matcher m = URL.matcher(url);
        if (!m.matches()) {
            throw new ConfigException("config file " + config + ": key 'store.url' is '" + url + "'; write"
                    + " postgresql://ROLE@HOST:PORT/DATABASE, e.g. postgresql://macm@db1:5432/macm");
        }
        if (m.group(2) != null) {
            // Never echo the URL here: it holds the password.
            throw new ConfigException("config file " + config + ": key 'store.url' holds a password; remove it from"
                    + " the URL and put it in the password file (" + StorePassword.DEFAULT_FILE + ", chmod 600) or in "
                    + StorePassword.ENV);
        }
        if (m.group(1) != null && raw.user() != null && !m.group(1).equals(raw.user())) {
            throw new ConfigException("config file " + config + ": [store] names two roles, '" + m.group(1)
                    + "' in 'url' and '" + raw.user() + "' in 'user'; keep one");
        }
        String user = m.group(1) != null ? m.group(1) : raw.user();
        if (user == null || user.isBlank()) {
            throw new ConfigException("config file " + config + ": [store] does not name the database role; write it in"
                    + " the URL (postgresql://macm@HOST/DATABASE) or as user = \"macm\"");
        }
        String node = raw.node() == null ? hostName() : raw.node();
        if (!NODE.matcher(node).matches()) {
            throw new ConfigException("config file " + config + ": key 'store.node' is '" + node + "'; write a short"
                    + " name of letters, digits, '.', '_' or '-', e.g. node = \"cn-a\"");
        }
        Duration lease = new ValueReader(config).duration("store.lease", raw.lease(), DEFAULT_LEASE);
        if (lease.compareTo(Duration.ofSeconds(1)) < 0 || lease.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new ConfigException("config file " + config + ": key 'store.lease' is '" + raw.lease()
                    + "'; write a time from 1s to 10m (default 5s): the standby takes over about that long after the"
                    + " active node dies");
        }
        Path passwordFile = base.resolve(raw.passwordFile() == null ? StorePassword.DEFAULT_FILE : raw.passwordFile())
                .normalize();
        return new StoreConfig.Postgres(url, user, passwordFile, node, lease, base);
    }

    /** This machine's name, the default node name: short (up to the first dot), lower case. */
    private static String hostName() {
        String name;
        try {
            name = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            name = "node";
        }
        int dot = name.indexOf('.');
        name = (dot > 0 ? name.substring(0, dot) : name).toLowerCase(Locale.ROOT);
        return NODE.matcher(name).matches() ? name : "node";
    }
}

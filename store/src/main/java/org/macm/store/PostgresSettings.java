package org.macm.store;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

/**
 * Where a PostgreSQL store is and who logs in: the store URL of a station's config
 * ({@code postgresql://[user@]host[:port]/database[?sslmode=...]}), the role, its password
 * (read from a file or the environment, never from the config) and how many connections the
 * readers' pool holds. The password never appears in {@link #toString()}, and a password
 * inside the URL is refused, since the URL is shown in status output and logs.
 */
public record PostgresSettings(String url, String user, String password, int poolSize) {
    /** Connections for readers (heads, reads, exports); the writer has one of its own. */
    public static final int DEFAULT_POOL_SIZE = 4;
    private static final String SCHEME = "postgresql";

    public PostgresSettings {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        if (poolSize < 1) {
            throw new StoreException("store pool size " + poolSize + " is too small: give at least 1");
        }
        if (user.isBlank()) {
            throw new StoreException("store url " + url + " names no user: write postgresql://USER@host/database");
        }
    }

    /**
     * Reads a store URL. The user comes from the URL's {@code user@} part, else {@code user};
     * the password only from {@code password} (a file or the environment).
     */
    public static PostgresSettings of(String url, String user, String password) {
        URI uri = parse(url);
        String fromUrl = uri.getRawUserInfo();
        String who = user;
        if (fromUrl != null) {
            if (fromUrl.contains(":")) {
                throw new StoreException("store url " + redacted(url) + " holds a password: remove it from the url "
                        + "and put it in the password file (or MACM_STORE_PASSWORD)");
            }
            who = fromUrl;
        }
        String query = uri.getRawQuery();
        if (query != null) {
            for (String param : query.split("&", -1)) {
                int eq = param.indexOf('=');
                String name = (eq < 0 ? param : param.substring(0, eq)).toLowerCase(Locale.ROOT);
                if (name.equals("password") || name.equals("user")) {
                    throw new StoreException("store url " + redacted(url) + " sets '" + name + "' as a parameter: "
                            + "write the user as postgresql://USER@host/database and put the password in the "
                            + "password file (or MACM_STORE_PASSWORD)");
                }
            }
        }
        return new PostgresSettings(url, who == null ? "" : who, password, DEFAULT_POOL_SIZE);
    }

    private static URI parse(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new StoreException("store url " + redacted(url) + " is not a URL (" + e.getReason()
                    + "): write postgresql://user@host[:port]/database", e);
        }
        if (!SCHEME.equals(uri.getScheme())) {
            throw new StoreException("store url " + redacted(url) + " does not start with postgresql://: "
                    + "write postgresql://user@host[:port]/database");
        }
        if (uri.getHost() == null || uri.getRawPath() == null || uri.getRawPath().length() < 2) {
            throw new StoreException("store url " + redacted(url) + " lacks a host or a database: "
                    + "write postgresql://user@host[:port]/database");
        }
        return uri;
    }

    /** A URL with whatever follows a ':' in its user part blanked out, for messages. */
    private static String redacted(String url) {
        return url.replaceAll("//([^/@:]*):[^/@]*@", "//$1:***@");
    }

    /** The driver's URL: the same host, port, database and parameters, without the user. */
    public String jdbcUrl() {
        URI uri = parse(url);
        StringBuilder b = new StringBuilder("jdbc:postgresql://").append(uri.getHost());
        if (uri.getPort() != -1) {
            b.append(':').append(uri.getPort());
        }
        b.append(uri.getRawPath());
        if (uri.getRawQuery() != null) {
            b.append('?').append(uri.getRawQuery());
        }
        return b.toString();
    }

    /** Where the store is, for messages: host, port and database, no user, no password. */
    public String where() {
        URI uri = parse(url);
        return SCHEME + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort()) + uri.getRawPath();
    }

    /** The same settings with another pool size. */
    public PostgresSettings withPoolSize(int size) {
        return new PostgresSettings(url, user, password, size);
    }

    @Override
    public String toString() {
        return "PostgresSettings[url=" + redacted(url) + ", user=" + user + ", password=***, poolSize=" + poolSize + "]";
    }
}

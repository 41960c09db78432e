package org.macm.station.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.macm.core.MacmException;
import org.macm.core.log.StationId;

/**
 * Reads and writes {@code station.toml}. Unknown keys are refused (a misspelt key would
 * otherwise be silently ignored), and every error names the file and the key.
 */
public final class ConfigFile {
    /** The file's keys, as written; {@code station} is required, the others have defaults. */
    record Raw(
            @JsonProperty("station") String station,
            @JsonProperty("store") String store,
            @JsonProperty("signing-key") String signingKey,
            @JsonProperty("tls-key") String tlsKey,
            @JsonProperty("tls-certificate") String tlsCertificate) {
    }

    private final TomlMapper mapper = TomlMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    /** Reads and validates the config at {@code file}; relative paths are taken from its folder. */
    public StationConfig read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException("config file " + file + " does not exist: is this a station folder? "
                    + "Create one with: macm init --station NAME --dir DIR", e);
        } catch (IOException e) {
            throw new ConfigException("cannot read config file " + file + ": " + e.getMessage(), e);
        }
        Raw raw;
        try {
            raw = mapper.readValue(text, Raw.class);
        } catch (UnrecognizedPropertyException e) {
            String known = e.getKnownPropertyIds().stream().map(Object::toString).sorted()
                    .collect(Collectors.joining(", "));
            throw new ConfigException("config file " + file + ": unknown key '" + e.getPropertyName()
                    + "' (known keys: " + known + ")", e);
        } catch (JsonMappingException e) {
            String key = e.getPath().stream().map(JsonMappingException.Reference::getFieldName)
                    .collect(Collectors.joining("."));
            throw new ConfigException("config file " + file + ": key '" + key + "' has a value of the wrong type: "
                    + e.getOriginalMessage(), e);
        } catch (JsonProcessingException e) {
            throw new ConfigException("config file " + file + " is not valid TOML (line "
                    + e.getLocation().getLineNr() + "): " + e.getOriginalMessage(), e);
        }
        if (raw == null || raw.station() == null) {
            throw new ConfigException("config file " + file + ": required key 'station' is missing "
                    + "(e.g. station = \"jp-mod\")");
        }
        StationId station;
        try {
            station = StationId.of(raw.station());
        } catch (MacmException e) {
            throw new ConfigException("config file " + file + ": key 'station': " + e.getMessage(), e);
        }
        Path base = file.toAbsolutePath().getParent();
        return new StationConfig(station,
                path(base, raw.store(), "store/macm.db"),
                path(base, raw.signingKey(), "keys/signing.key"),
                path(base, raw.tlsKey(), "keys/tls.key"),
                path(base, raw.tlsCertificate(), "keys/tls.crt"));
    }

    private static Path path(Path base, String value, String fallback) {
        return base.resolve(value == null ? fallback : value).normalize();
    }

    /** The config {@code macm init} writes: every key, with its default, explained. */
    public static String initial(StationId station) {
        return """
                # MACM station configuration. Keys are documented in docs/CONFIG.md.
                # Paths are relative to this file's folder.

                # This station's name, as its peers know it (required).
                station = "%s"

                # The SQLite store holding every log of this station.
                store = "store/macm.db"

                # Private keys (mode 0600) and the TLS certificate made by 'macm init'.
                signing-key = "keys/signing.key"
                tls-key = "keys/tls.key"
                tls-certificate = "keys/tls.crt"
                """.formatted(station);
    }
}

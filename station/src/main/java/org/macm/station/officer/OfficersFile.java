package org.macm.station.officer;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.macm.station.StationException;
import org.macm.station.config.ConfigException;
import org.macm.template.Language;

/**
 * The format of {@code DIR/officers.json}: a format number and one object per account, keys
 * in lower-case-dashes, unknown or repeated keys refused. The {@code password} value is the
 * PHC string of {@link PasswordHash}; nothing else in the file is secret, but the hashes are
 * why it is kept at mode 0600.
 *
 * <pre>
 * {
 *   "format" : 1,
 *   "officers" : [ {
 *     "name" : "wang.hao",
 *     "display-name" : "Lt Col Wang Hao",
 *     "role" : "duty",
 *     "enabled" : true,
 *     "language" : "zh-Hans",                 (left out when the officer chose none)
 *     "created" : "2026-11-30T11:00:00Z",
 *     "changed" : "2026-11-30T11:00:00Z",
 *     "password" : "$argon2id$v=19$m=19456,t=2,p=1$…$…"
 *   } ]
 * }
 * </pre>
 */
final class OfficersFile {
    static final int FORMAT = 1;
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    /** One account with its hash, as the registry holds it. */
    record Account(Officer officer, PasswordHash hash) {
    }

    record Document(@JsonProperty("format") int format, @JsonProperty("officers") List<Stored> officers) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Stored(@JsonProperty("name") String name,
            @JsonProperty("display-name") String displayName,
            @JsonProperty("role") String role,
            @JsonProperty("enabled") Boolean enabled,
            @JsonProperty("language") String language,
            @JsonProperty("created") String created,
            @JsonProperty("changed") String changed,
            @JsonProperty("password") String password) {
    }

    private OfficersFile() {
    }

    static byte[] write(Map<String, Account> accounts) {
        List<Stored> out = new ArrayList<>();
        for (Account a : accounts.values()) {
            Officer o = a.officer();
            out.add(new Stored(o.name(), o.displayName(), o.role().word(), o.enabled(),
                    o.language().map(Language::tag).orElse(null), o.created().toString(), o.changed().toString(),
                    a.hash().encoded()));
        }
        try {
            return JSON.writeValueAsBytes(new Document(FORMAT, out));
        } catch (JsonProcessingException e) {
            throw new StationException("cannot encode the officers file: " + e.getOriginalMessage(), e);
        }
    }

    /** Reads the file's bytes, in name order; the errors name {@code file} and the account. */
    static Map<String, Account> read(Path file, byte[] bytes) {
        Document doc;
        try {
            doc = JSON.readValue(bytes, Document.class);
        } catch (UnrecognizedPropertyException e) {
            throw new ConfigException("officers file " + file + " is not valid: unknown key '" + e.getPropertyName()
                    + "'; restore it from your backup", e);
        } catch (IOException e) {
            String why = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            throw new ConfigException("officers file " + file + " is not valid: " + firstLine(why)
                    + "; restore it from your backup", e);
        }
        if (doc == null || doc.format() != FORMAT || doc.officers() == null) {
            throw new ConfigException("officers file " + file + " is not format " + FORMAT
                    + " of the officers file; restore it from your backup");
        }
        Map<String, Account> accounts = new LinkedHashMap<>();
        for (Stored s : doc.officers()) {
            Account a = account(file, s);
            if (accounts.putIfAbsent(a.officer().name(), a) != null) {
                throw new ConfigException("officers file " + file + " lists officer " + a.officer().name()
                        + " twice; remove one of them");
            }
        }
        return accounts;
    }

    private static Account account(Path file, Stored s) {
        String who = s == null || s.name() == null ? "an officer without a name" : "officer " + s.name();
        try {
            if (s == null || s.name() == null || s.displayName() == null || s.role() == null || s.enabled() == null
                    || s.created() == null || s.changed() == null || s.password() == null) {
                throw new StationException("a key is missing (name, display-name, role, enabled, created, changed and "
                        + "password are required; language is optional)");
            }
            Optional<Language> language = s.language() == null ? Optional.empty()
                    : Optional.of(Language.fromTag(s.language()).orElseThrow(() -> new StationException(
                            "language '" + s.language() + "' is not en, ja or zh-Hans")));
            Officer officer = new Officer(s.name(), s.displayName(), role(s.role()), s.enabled(), language,
                    Instant.parse(s.created()), Instant.parse(s.changed()));
            return new Account(officer, PasswordHash.parse(s.password()));
        } catch (StationException | DateTimeParseException e) {
            throw new ConfigException("officers file " + file + ", " + who + ": " + e.getMessage(), e);
        }
    }

    private static Role role(String word) {
        for (Role r : Role.values()) {
            if (r.word().equals(word)) {
                return r;
            }
        }
        throw new StationException("role '" + word + "' is not duty, supervisor or admin");
    }

    private static String firstLine(String text) {
        String t = text == null ? "unreadable JSON" : text;
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl);
    }
}

package org.macm.station.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import org.macm.station.StationException;
import org.macm.station.officer.Officer;

/**
 * Who did what in the console, one JSON line per action in {@code DIR/console-audit.jsonl}
 * (owner-only, appended, never rewritten). The signed log names an acknowledgement's officer
 * by display name only, which anyone could share; this file ties each console action to the
 * account that was logged in:
 * {@code {"time":"…","account":"wang.hao","display":"Lt Col Wang Hao","action":"ack","entry":"jp-mod/7","ack":"cn-mnd/12"}}.
 */
public final class AuditTrail {
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final Path file;
    private final Clock clock;

    public AuditTrail(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
    }

    /** The file, {@code DIR/console-audit.jsonl}. */
    public Path file() {
        return file;
    }

    /** Records that {@code officer} acknowledged message {@code entry} with the signed entry {@code ack}. */
    public void acknowledged(Officer officer, String entry, String ack) {
        ObjectNode line = line(officer, "ack");
        line.put("entry", entry).put("ack", ack);
        append(line);
    }

    /** Records that {@code officer} sent message {@code entry} (our entry, {@code station/seq}) from the Compose page. */
    public void sent(Officer officer, String entry) {
        ObjectNode line = line(officer, "send");
        line.put("entry", entry);
        append(line);
    }

    private ObjectNode line(Officer officer, String action) {
        ObjectNode n = JSON.createObjectNode();
        n.put("time", clock.instant().toString());
        n.put("account", officer.name());
        n.put("display", officer.displayName());
        n.put("action", action);
        return n;
    }

    private synchronized void append(ObjectNode line) {
        try {
            byte[] bytes = (JSON.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8);
            create();
            // One write of one whole line in append mode: a crash leaves lines whole or absent.
            Files.write(file, bytes, StandardOpenOption.APPEND, StandardOpenOption.SYNC);
        } catch (JsonProcessingException e) {
            throw new StationException("cannot write the console audit line: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new StationException("cannot append to " + file + ": " + e.getMessage()
                    + "; check the station folder's space and permissions", e);
        }
    }

    private void create() throws IOException {
        if (Files.exists(file)) {
            return;
        }
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException e) {
            // Created meanwhile by another station process on the same folder: append to it.
        }
    }
}

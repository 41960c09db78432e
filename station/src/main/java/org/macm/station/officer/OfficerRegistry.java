package org.macm.station.officer;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.macm.station.FileProblem;
import org.macm.station.PrivateFile;
import org.macm.station.StationException;
import org.macm.station.StationLayout;
import org.macm.template.Language;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console accounts of a station, kept in {@code DIR/officers.json} (see
 * {@link OfficersFile}) at mode 0600. Every change reads the file afresh under an exclusive
 * lock on {@code DIR/officers.lock}, so the CLI and a running station never lose each
 * other's changes, and replaces it atomically ({@link AtomicFile}). Every read checks
 * whether the file changed on disk (its inode, size or time) and reads it again if so, so a
 * running station sees at once an account that {@code macm officer add} made. Nothing here
 * logs or returns a password or a hash.
 */
public final class OfficerRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(OfficerRegistry.class);

    private final StationLayout layout;
    private final Clock clock;
    private final SecureRandom random;
    private final Argon2Cost cost;
    private final AtomicFile atomic;

    private Snapshot snapshot = Snapshot.EMPTY;
    private PasswordHash decoy;

    /** What was read, and the file's stamp when it was read. */
    private record Snapshot(Object stamp, Map<String, OfficersFile.Account> accounts) {
        static final Snapshot EMPTY = new Snapshot("absent", Map.of());
    }

    public OfficerRegistry(StationLayout layout, Clock clock, SecureRandom random) {
        this(layout, clock, random, Argon2Cost.DEFAULT, new AtomicFile());
    }

    OfficerRegistry(StationLayout layout, Clock clock, SecureRandom random, Argon2Cost cost, AtomicFile atomic) {
        this.layout = Objects.requireNonNull(layout, "layout");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
        this.cost = Objects.requireNonNull(cost, "cost");
        this.atomic = Objects.requireNonNull(atomic, "atomic");
    }

    /** The file the accounts are kept in. */
    public Path file() {
        return layout.officers();
    }

    /** Every account, by name. */
    public List<Officer> all() {
        return current().values().stream().map(OfficersFile.Account::officer).toList();
    }

    public Optional<Officer> find(String name) {
        return Optional.ofNullable(current().get(name)).map(OfficersFile.Account::officer);
    }

    /** Adds an account; refuses a name already taken and a password too weak ({@link Password#checkNew}). */
    public Officer add(String name, String displayName, Role role, Optional<Language> language, Password password) {
        Instant now = now();
        Officer officer = new Officer(name, displayName, role, true, language, now, now);
        if (current().containsKey(name)) {
            throw exists(name);
        }
        password.checkNew();
        PasswordHash hash = PasswordHash.create(password, cost, random);
        change(accounts -> {
            if (accounts.containsKey(name)) {
                throw exists(name);
            }
            accounts.put(name, new OfficersFile.Account(officer, hash));
        });
        return officer;
    }

    /** Lets the account log in or not; false when it already was so. */
    public boolean setEnabled(String name, boolean enabled) {
        boolean[] changed = {false};
        change(accounts -> {
            OfficersFile.Account a = require(accounts, name);
            if (a.officer().enabled() != enabled) {
                accounts.put(name, new OfficersFile.Account(a.officer().withEnabled(enabled, now()), a.hash()));
                changed[0] = true;
            }
        });
        return changed[0];
    }

    /** Replaces the account's password, hashed at the current cost. */
    public void changePassword(String name, Password password) {
        require(current(), name);
        password.checkNew();
        PasswordHash hash = PasswordHash.create(password, cost, random);
        change(accounts -> {
            OfficersFile.Account a = require(accounts, name);
            accounts.put(name, new OfficersFile.Account(a.officer().changedAt(now()), hash));
        });
    }

    /**
     * The enabled account with this name and password; throws {@link WrongPasswordException}
     * otherwise, after the same work whether the name exists or not. A hash made at a lower
     * cost than the current one is replaced by one at the current cost.
     */
    public Officer authenticate(String name, Password password) {
        OfficersFile.Account a = current().get(name);
        if (a == null) {
            decoy().verify(password);
            throw new WrongPasswordException();
        }
        a.hash().verify(password);
        if (!a.officer().enabled()) {
            throw new WrongPasswordException();
        }
        if (a.hash().cost().weakerThan(cost)) {
            renew(name, a.hash(), password);
        }
        return a.officer();
    }

    /**
     * Replaces a hash made at a lower cost; a failure (a full disk, say) is logged and the
     * login still succeeds, since the old hash is as good as it was.
     */
    private void renew(String name, PasswordHash old, Password password) {
        PasswordHash renewed = PasswordHash.create(password, cost, random);
        try {
            change(accounts -> {
                OfficersFile.Account now = accounts.get(name);
                if (now != null && now.hash().encoded().equals(old.encoded())) {
                    accounts.put(name, new OfficersFile.Account(now.officer(), renewed));
                }
            });
        } catch (StationException e) {
            LOG.atWarn().addKeyValue("officer", name).log("password hash not renewed at {}: {}", renewed.cost(),
                    e.getMessage());
        }
    }

    private synchronized PasswordHash decoy() {
        if (decoy == null) {
            char[] chars = "decoy password never used".toCharArray();
            try (Password p = Password.of(chars)) {
                decoy = PasswordHash.create(p, cost, random);
            }
        }
        return decoy;
    }

    private static StationException exists(String name) {
        return new StationException("officer " + name + " already exists; change it with 'macm officer passwd', "
                + "'macm officer disable' or 'macm officer enable'");
    }

    private OfficersFile.Account require(Map<String, OfficersFile.Account> accounts, String name) {
        OfficersFile.Account a = accounts.get(name);
        if (a == null) {
            throw new StationException("no officer named " + name + " in " + file() + "; see 'macm officer list --dir "
                    + layout.dir() + "'");
        }
        return a;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    private interface Edit {
        void apply(Map<String, OfficersFile.Account> accounts);
    }

    /** Reads the file under the lock, applies {@code edit}, and replaces the file; the lock spans both. */
    private synchronized void change(Edit edit) {
        Path lockFile = layout.officersLock();
        try (FileChannel channel = FileChannel.open(lockFile, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))) {
            FileLock lock = channel.lock();
            try {
                snapshot = load();
                Map<String, OfficersFile.Account> accounts = new TreeMap<>(snapshot.accounts());
                edit.apply(accounts);
                atomic.replace(file(), OfficersFile.write(accounts), "officers file");
                snapshot = load();
            } finally {
                lock.release();
            }
        } catch (IOException e) {
            throw new StationException("cannot lock " + lockFile + ": " + FileProblem.reason(e), e);
        }
    }

    /** The accounts as the file holds them now, read again only when it changed. */
    private synchronized Map<String, OfficersFile.Account> current() {
        Object stamp = stamp();
        if (!stamp.equals(snapshot.stamp())) {
            snapshot = load();
        }
        return snapshot.accounts();
    }

    private Object stamp() {
        try {
            BasicFileAttributes a = Files.readAttributes(file(), BasicFileAttributes.class);
            return List.of(String.valueOf(a.fileKey()), a.size(), a.lastModifiedTime().toInstant());
        } catch (NoSuchFileException e) {
            return Snapshot.EMPTY.stamp();
        } catch (IOException e) {
            throw new StationException(FileProblem.cannotRead("officers file", file(), e), e);
        }
    }

    private Snapshot load() {
        Path file = file();
        Object stamp = stamp();
        if (stamp.equals(Snapshot.EMPTY.stamp())) {
            return Snapshot.EMPTY;
        }
        try {
            Optional<String> open = PrivateFile.openMode(file);
            if (open.isPresent()) {
                throw new StationException("officers file " + file + " can be read by others (mode "
                        + open.get() + "): run 'chmod 600 " + file + "'");
            }
            byte[] bytes = Files.readAllBytes(file);
            return new Snapshot(stamp, Collections.unmodifiableMap(OfficersFile.read(file, bytes)));
        } catch (NoSuchFileException e) {
            return Snapshot.EMPTY;
        } catch (IOException e) {
            throw new StationException(FileProblem.cannotRead("officers file", file, e), e);
        }
    }
}

package org.macm.station;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiConsumer;
import org.macm.core.MacmException;
import org.macm.core.crypto.SignatureException;
import org.macm.core.crypto.SigningKey;
import org.macm.core.log.Body;
import org.macm.core.log.EntryKind;
import org.macm.core.log.Head;
import org.macm.core.log.LinkId;
import org.macm.core.log.LinkParameters;
import org.macm.core.log.LogId;
import org.macm.core.log.LogWriter;
import org.macm.core.log.MalformedEntryException;
import org.macm.core.log.RawEntry;
import org.macm.core.log.SignedEntry;
import org.macm.core.log.StationId;
import org.macm.station.config.ConfigFile;
import org.macm.station.config.StationConfig;
import org.macm.station.identity.Identity;
import org.macm.station.identity.IdentityCheck;
import org.macm.station.identity.KeyFiles;
import org.macm.station.identity.PeerRegistry;
import org.macm.station.identity.TlsIdentity;
import org.macm.station.intake.IntakeCheck;
import org.macm.station.intake.IntakeFindings;
import org.macm.store.ChainCheck;
import org.macm.store.IntakeFinding;
import org.macm.store.IntakeOutcome;
import org.macm.store.LogStore;
import org.macm.store.PeerStored;
import org.macm.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One party's station, opened from its folder: identity, pinned peers and store. It writes
 * this station's logs (messages, receipts, acknowledgements, link tests) and takes in the
 * peers' entries, accepting only those signed by the pinned key and chained correctly.
 * Transport is not its concern: the link hands it entries and sends what it wrote.
 */
public final class Station implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Station.class);

    private final StationLayout layout;
    /** Swapped whole by a reload (signal thread) and read by the scheduler and handlers: volatile, immutable. */
    private volatile StationConfig config;
    private final SigningKey signingKey;
    private final Identity identity;
    private final PeerRegistry peers;
    private final LogStore store;
    private final Clock clock;
    /** Pinned identities read so far; a peer's pinned key does not change while the station runs. */
    private final Map<StationId, Identity> pinned = new ConcurrentHashMap<>();
    private final List<BiConsumer<StationId, SignedEntry>> writeListeners = new CopyOnWriteArrayList<>();
    private final List<BiConsumer<StationId, List<SignedEntry>>> receiveListeners = new CopyOnWriteArrayList<>();
    private final List<BiConsumer<StationId, List<SignedEntry>>> verifyListeners = new CopyOnWriteArrayList<>();
    private final Map<StationId, ReentrantLock> intakeLocks = new ConcurrentHashMap<>();
    private final IntakeFindings intake;
    /** The highest peerHead this station has stated in its log for each peer (see write). */
    private final Map<StationId, Head> statedPeerHead = new ConcurrentHashMap<>();
    private final TlsIdentity tls;
    private final ReceiptsOwed receipts;

    private Station(StationLayout layout, StationConfig config, SigningKey signingKey, Identity identity,
            TlsIdentity tls, PeerRegistry peers, LogStore store, Clock clock) {
        this.tls = tls;
        this.layout = layout;
        this.config = config;
        this.signingKey = signingKey;
        this.identity = identity;
        this.peers = peers;
        this.store = store;
        this.clock = clock;
        this.intake = new IntakeFindings(store);
        this.receipts = new ReceiptsOwed(store);
    }

    /** Opens the station in {@code layout} with the store its config names ({@link StoreFactory#fromConfig}). */
    public static Station open(StationLayout layout, Clock clock) {
        return open(layout, clock, StoreFactory.fromConfig());
    }

    /** Opens the station in {@code layout}, checking its config and keys before {@code stores} opens the store. */
    public static Station open(StationLayout layout, Clock clock, StoreFactory stores) {
        StationConfig config = new ConfigFile().read(layout.config());
        SigningKey signingKey = KeyFiles.readSigningKey(config.signingKeyFile());
        TlsIdentity tls = TlsIdentity.read(config.tlsKeyFile(), config.tlsCertificateFile());
        IdentityCheck.verify(layout, config, signingKey.verifyingKey());
        Identity identity = new Identity(config.station(), signingKey.verifyingKey(), tls.certificate());
        LogStore store = stores.open(config, clock);
        return new Station(layout, config, signingKey, identity, tls, new PeerRegistry(layout), store, clock);
    }

    public StationId id() {
        return config.station();
    }

    public Identity identity() {
        return identity;
    }

    public StationLayout layout() {
        return layout;
    }

    public StationConfig config() {
        return config;
    }

    /**
     * Runs on {@code reloaded} from now (a reload: SIGHUP): the caller keeps every key that
     * needs a restart as it was, so that this config still says what the running parts use.
     */
    public void reconfigure(StationConfig reloaded) {
        if (!reloaded.station().equals(config.station())) {
            throw new IllegalArgumentException("a reload cannot rename station " + config.station());
        }
        config = reloaded;
    }

    public TlsIdentity tls() {
        return tls;
    }

    public Clock clock() {
        return clock;
    }

    /**
     * Called with the peer's name and the entry after every durable write to that peer's log
     * (the link sends it). A listener must be quick: it runs on the writing thread.
     */
    public void onWrite(BiConsumer<StationId, SignedEntry> listener) {
        writeListeners.add(listener);
    }

    /**
     * Called with the peer's name and the entries of its log that {@link #receive} newly
     * stored, once they are durable here (duplicates and refused entries are left out). The
     * benchmarks time receipts with it; a listener must be quick, it runs on the link's reader.
     */
    public void onReceive(BiConsumer<StationId, List<SignedEntry>> listener) {
        receiveListeners.add(listener);
    }

    /**
     * Called with the peer's name and the entries of its log that intake has verified (signed by
     * the pinned key, next in the chain, agreeing with our log) and is about to store: what the
     * peer has signed, before this station's own fsync. A sender's round trip ends here when one
     * of them is the peer's receipt (docs/PROTOCOL.md §10 step 4): the receipt is durable in the
     * peer's log, and a resync brings it back if this station crashes before storing it. A
     * listener must be quick: it runs on the link's intake, before the commit.
     */
    public void onVerified(BiConsumer<StationId, List<SignedEntry>> listener) {
        verifyListeners.add(listener);
    }

    /** What intake found wrong with the peers' entries: void statements, held logs, equivocations. */
    public IntakeFindings intake() {
        return intake;
    }

    public PeerRegistry peers() {
        return peers;
    }

    public LogStore store() {
        return store;
    }

    public LinkId link(StationId peer) {
        return LinkId.between(id(), peer);
    }

    /** This station's log on the link to {@code peer}. */
    public LogId ownLog(StationId peer) {
        return new LogId(link(peer), id());
    }

    /** This station's copy of {@code peer}'s log on their link. */
    public LogId peerLog(StationId peer) {
        return new LogId(link(peer), peer);
    }

    /** Writes {@code body} to the log for {@code peer}; returns once it is durable here. */
    public SignedEntry write(StationId peer, Body body) {
        pinned.computeIfAbsent(peer, peers::require);
        LogWriter writer = new LogWriter(ownLog(peer), signingKey, clock);
        Head held = store.head(peerLog(peer));
        CompletableFuture<SignedEntry> durable = store.appendAsync(writer.log(),
                head -> writer.draft(head, statePeerHead(peer, held), body));
        // The listeners run as the commit completes (on the store's writer thread, usually), so
        // the link's sender is woken at once rather than after this thread is scheduled again.
        return joinStore(durable.thenApply(e -> {
            announce(peer, e);
            return e;
        }), "writing to " + peer);
    }

    /** Waits for the store; its error is thrown anew here, so the trace shows this caller with the writer's error as cause. */
    private static <T> T joinStore(CompletableFuture<T> done, String what) {
        try {
            return done.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof StoreException s) {
                throw new StoreException(s.getMessage(), s);
            }
            if (e.getCause() instanceof MacmException m) {
                throw m;
            }
            throw new StationException(what + " failed: " + e.getCause(), e.getCause());
        }
    }

    /**
     * The peerHead the next entry to {@code peer} states, given the peer's head as the caller
     * read it; called under the own log's lock. A writer that read the peer's head earlier must
     * not state an older peerHead than the entry before it, or the log would seem to go back.
     */
    private Head statePeerHead(StationId peer, Head held) {
        return statedPeerHead.merge(peer, held, (a, b) -> b.seq() > a.seq() ? b : a);
    }

    /**
     * Writes a receipt for what is held of {@code peer}'s log if one is owed: normally none is,
     * since intake writes the receipt in the commit that stores the entries; this catches one
     * whose commit failed (a full disk) once the disk has room again. The scheduler calls it
     * once a tick.
     */
    public Optional<SignedEntry> writeOwedReceipt(StationId peer) {
        ReentrantLock lock = intakeLocks.computeIfAbsent(peer, p -> new ReentrantLock());
        lock.lock();
        try {
            ReceiptsOwed.Account account = receipts.account(peer, ownLog(peer), peerLog(peer));
            Head held = store.head(peerLog(peer));
            if (!account.owedUpTo(store, peerLog(peer), held)) {
                return Optional.empty();
            }
            SignedEntry receipt = write(peer, new Body.Receipt(held));
            account.receipted(held);
            return Optional.of(receipt);
        } finally {
            lock.unlock();
        }
    }

    private void announce(StationId peer, SignedEntry written) {
        for (BiConsumer<StationId, SignedEntry> l : writeListeners) {
            try {
                l.accept(peer, written);
            } catch (RuntimeException e) {
                // The entry is durable whatever a listener does; the write must not seem to fail.
                LOG.atError().addKeyValue("peer", peer).addKeyValue("seq", written.seq()).setCause(e)
                        .log("a listener failed on entry {} to {}", written.seq(), peer);
            }
        }
    }

    /**
     * Takes in entries of {@code peer}'s log, in order, already read. Each must be in the
     * peer's log on this link and signed by the pinned key; those that are go to the store,
     * which dedups them and keeps evidence of equivocation. Returns one outcome per entry.
     */
    public List<IntakeOutcome> receive(StationId peer, List<SignedEntry> entries) {
        List<Offered> offered = new ArrayList<>(entries.size());
        entries.forEach(e -> offered.add(new Offered.Read(e)));
        return receiveOffered(peer, offered);
    }

    /**
     * Takes in entries of {@code peer}'s log as they came off the wire (docs/PROTOCOL.md §10
     * step 3): an entry that cannot be read is refused, and kept as evidence if the pinned key
     * signed it, holding the peer's log at the entry before it; an entry that breaks an agree
     * rule against our log is stored but void (see {@link IntakeFindings}). Returns one outcome
     * per entry. The refusal corpus can be fed through here as a list of signed entries.
     */
    public List<IntakeOutcome> receiveRaw(StationId peer, List<RawEntry> entries) {
        List<Offered> offered = new ArrayList<>(entries.size());
        for (RawEntry r : entries) {
            try {
                offered.add(new Offered.Read(r.read()));
            } catch (MalformedEntryException e) {
                offered.add(new Offered.Unreadable(r, e));
            }
        }
        return receiveOffered(peer, offered);
    }

    /** An entry offered by a peer: read, or bytes that could not be read and why. */
    sealed interface Offered {
        record Read(SignedEntry entry) implements Offered {
        }

        record Unreadable(RawEntry raw, MalformedEntryException why) implements Offered {
        }
    }

    private List<IntakeOutcome> receiveOffered(StationId peer, List<Offered> entries) {
        // One intake per peer at a time: every path carries every entry, so the copy that comes
        // second finds the first one stored and costs neither a verification nor an fsync.
        ReentrantLock lock = intakeLocks.computeIfAbsent(peer, p -> new ReentrantLock());
        List<IntakeOutcome> outcomes;
        lock.lock();
        try {
            outcomes = receiveLocked(peer, entries);
        } finally {
            lock.unlock();
        }
        RefusedEntryLog.log(peer, entries, outcomes);
        return outcomes;
    }

    private List<IntakeOutcome> receiveLocked(StationId peer, List<Offered> entries) {
        Identity peerIdentity = pinned.computeIfAbsent(peer, peers::require);
        LogId expected = peerLog(peer);
        List<IntakeOutcome> outcomes = new ArrayList<>(entries.size());
        List<SignedEntry> valid = new ArrayList<>(entries.size());
        List<Integer> validIndex = new ArrayList<>(entries.size());
        Head held = store.head(expected);
        intake.follow(expected);
        IntakeCheck check = new IntakeCheck(store, intake, clock, expected, held);
        for (Offered o : entries) {
            if (o instanceof Offered.Unreadable u) {
                outcomes.add(check.unreadable(u.raw(), u.why(), peerIdentity.signingKey()));
                continue;
            }
            SignedEntry e = ((Offered.Read) o).entry();
            if (!e.log().equals(expected)) {
                outcomes.add(IntakeOutcome.WRONG_LOG);
                continue;
            }
            if (e.seq() <= held.seq() && store.get(expected, e.seq()).filter(e::equals).isPresent()) {
                // Byte for byte what is held (every path carries every entry): nothing to verify or store.
                outcomes.add(IntakeOutcome.DUPLICATE);
                continue;
            }
            try {
                e.verify(peerIdentity.signingKey());
            } catch (SignatureException ex) {
                outcomes.add(IntakeOutcome.BAD_SIGNATURE);
                continue;
            }
            if (check.heldBehindUnreadable(e)) {
                outcomes.add(IntakeOutcome.HELD);
                continue;
            }
            check.agree(e);
            validIndex.add(outcomes.size());
            outcomes.add(null);
            valid.add(e);
        }
        List<IntakeFinding> found = check.findings();
        if (!verifyListeners.isEmpty()) {
            announceVerified(peer, held, valid, found);
        }
        // Findings go into memory before their entries are stored, so no reader ever sees a void
        // statement take effect; they are stored in the entries' own commit.
        List<IntakeFinding> newFindings = intake.add(found);
        ReceiptsOwed.Account account = receipts.account(peer, ownLog(peer), expected);
        LogWriter writer = new LogWriter(ownLog(peer), signingKey, clock);
        PeerStored committed;
        try {
            // The receipt goes into the entries' own commit: one fsync for both, and it is sent only
            // once that commit is durable, so it never names an entry a crash could lose. The senders
            // are woken for it as the commit completes, on the store's writer, not after this thread
            // is scheduled again.
            committed = joinStore(store.storePeerAsync(valid, newFindings, writer.log(),
                    (ownHead, after) -> account.owedAfter(valid, after)
                            ? Optional.of(writer.draft(ownHead, statePeerHead(peer, after), new Body.Receipt(after)))
                            : Optional.empty())
                    .thenApply(c -> {
                        c.receipt().ifPresent(r -> announce(peer, r));
                        return c;
                    }), "storing entries from " + peer);
        } catch (RuntimeException e) {
            intake.forget(newFindings);
            // The receipt laid out for that commit raised the peerHead to state; go back to what is held.
            statedPeerHead.compute(peer, (p, h) -> store.head(expected));
            throw e;
        }
        List<IntakeOutcome> stored = committed.outcomes();
        account.stored(valid, store.head(expected), committed.receipt().isPresent());
        committed.receiptRefused().ifPresent(why -> LOG.error("the receipt to {} was not stored: {}"
                + " (a receipt is written at the next scheduler tick)", peer, why));
        intake.announce(newFindings);
        for (int i = 0; i < stored.size(); i++) {
            IntakeOutcome o = stored.get(i);
            if (o == IntakeOutcome.EQUIVOCATION && intake.equivocation(valid.get(i), clock.instant())) {
                LOG.atError().addKeyValue("peer", peer).addKeyValue("seq", valid.get(i).seq())
                        .addKeyValue("rule", IntakeFindings.EQUIVOCATION)
                        .log("[{}] peer {} signed two different entries at seq {}: both kept as evidence",
                                IntakeFindings.EQUIVOCATION, peer, valid.get(i).seq());
                intake.announceEquivocation(valid.get(i), clock.instant());
            }
            outcomes.set(validIndex.get(i), o);
        }
        if (!receiveListeners.isEmpty()) {
            List<SignedEntry> fresh = new ArrayList<>(valid.size());
            for (int i = 0; i < valid.size(); i++) {
                if (outcomes.get(validIndex.get(i)) == IntakeOutcome.STORED) {
                    fresh.add(valid.get(i));
                }
            }
            if (!fresh.isEmpty()) {
                List<SignedEntry> view = List.copyOf(fresh);
                receiveListeners.forEach(l -> l.accept(peer, view));
            }
        }
        return outcomes;
    }

    /** Tells the verify listeners of the entries about to be stored: next in the chain, with nothing found void. */
    private void announceVerified(StationId peer, Head held, List<SignedEntry> valid, List<IntakeFinding> found) {
        List<SignedEntry> verified = new ArrayList<>(valid.size());
        for (SignedEntry e : ChainCheck.following(held, valid)) {
            if (found.stream().noneMatch(f -> f.seq() == e.seq())) {
                verified.add(e);
            }
        }
        if (!verified.isEmpty()) {
            List<SignedEntry> view = List.copyOf(verified);
            verifyListeners.forEach(l -> l.accept(peer, view));
        }
    }

    /**
     * Returns message or link test {@code seq} of {@code author}'s log, held here and received
     * from that peer; throws, saying why, for our own entries, for what has not arrived, and for
     * entries that are neither a message nor a link test.
     */
    public SignedEntry requireReceived(StationId author, long seq) {
        String id = author + "/" + seq;
        if (author.equals(id())) {
            throw new StationException(id + " is a message this station sent; only messages received from a peer"
                    + " are acknowledged");
        }
        SignedEntry message = store.get(peerLog(author), seq).orElseThrow(() -> new StationException(
                "no message " + id + " is held here; see the inbox for what has arrived"));
        if (LinkParameters.isAnnouncement(message.entry())) {
            throw new StationException(id + " announces " + author + "'s link parameters (its deadlines), not a message;"
                    + " it is not acknowledged");
        }
        EntryKind kind = message.entry().kind();
        if (kind != EntryKind.MESSAGE && kind != EntryKind.TEST) {
            throw new StationException(id + " is a " + kind.name().toLowerCase(Locale.ROOT)
                    + ", not a message; only messages and link tests are acknowledged");
        }
        return message;
    }

    /**
     * Records that {@code officer} has read message {@code seq} of {@code peer}'s log. The
     * message must be held here; acknowledging a message never received would be a false
     * statement signed by this station. Whether it was acknowledged before is the traffic
     * layer's rule ({@code traffic/Acknowledgements}).
     */
    public SignedEntry acknowledge(StationId peer, long seq, String officer, Optional<String> remark) {
        SignedEntry message = requireReceived(peer, seq);
        return write(peer, new Body.Acknowledgement(message.head(), officer, clock.instant(), remark));
    }

    @Override
    public void close() {
        store.close();
    }
}

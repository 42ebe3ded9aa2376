package org.amicus.hub;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.amicus.cti.hub.HubSubjects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.KeyValue;
import io.nats.client.KeyValueManagement;
import io.nats.client.api.KeyValueConfiguration;
import io.nats.client.api.KeyValueEntry;
import io.nats.client.api.KeyValueOperation;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;

/**
 * Which of the hubs started with one configuration leads: the one whose name is in the key-value entry
 * {@value #KEY} of the bucket {@link HubSubjects#LEASE_BUCKET}. The leader rewrites it every {@link #RENEWAL}, each
 * time only if it still holds the revision it wrote last (JetStream's revision-checked update); a standby reads it,
 * and once it has seen the same revision for {@link #EXPIRY} it takes the entry over the same way, so that of two
 * standbys one wins. Nothing but NATS decides: no clock is compared between machines, each measures only how long
 * it has itself seen one revision.
 */
final class HubLease {

    static final String KEY = "leader";
    /** How often the leader renews the lease. */
    static final Duration RENEWAL = Duration.ofSeconds(1);
    /** How long a lease not renewed counts as held: a standby waits this long after the last renewal it saw. */
    static final Duration EXPIRY = Duration.ofMillis(2500);
    /** How long after its last renewal a leader still writes: a renewal's time less than a standby waits. */
    static final Duration WRITES = EXPIRY.minus(RENEWAL);
    private static final Duration POLL = Duration.ofMillis(250);
    /**
     * After this long without a read, a standby's connection is given up for a new one: a reconnected connection was
     * seen to send nothing at all any more, while new ones were served (a race in jnats before 2.25.2; kept in case).
     */
    static final Duration UNREADABLE = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(HubLease.class);

    private final KeyValue bucket;
    private final String holder;
    private volatile long revision;
    private volatile long renewed;

    /** @param holder this hub's name in the lease, unique among the hubs: host and process */
    HubLease(Connection nats, String holder, int replicas) throws IOException, JetStreamApiException {
        this.holder = holder;
        KeyValueManagement management = nats.keyValueManagement();
        if (!management.getBucketNames().contains(HubSubjects.LEASE_BUCKET)) {
            try {
                management.create(KeyValueConfiguration.builder().name(HubSubjects.LEASE_BUCKET).maxHistoryPerKey(1)
                        .storageType(StorageType.Memory).replicas(replicas).build());
            } catch (JetStreamApiException e) {
                LOG.debug("Another hub made the lease bucket first: {}", e.getMessage());
            }
        }
        readFromTheLeader(nats.jetStreamManagement(), HubSubjects.stream(HubSubjects.LEASE_BUCKET));
        bucket = nats.keyValue(HubSubjects.LEASE_BUCKET);
    }

    /**
     * A key-value get is answered by any replica of the bucket by default ("direct get"), and a replica that lags
     * answers with an older revision: a hub could read its own lease after another took it. Reads of the lease go to
     * the stream's leader instead. Asking for the stream's settings also renews the client's own copy of them, which
     * decides how it reads.
     */
    private static void readFromTheLeader(JetStreamManagement streams, String stream)
            throws IOException, JetStreamApiException {
        StreamConfiguration settings = streams.getStreamInfo(stream).getConfiguration();
        if (settings.getAllowDirect()) {
            streams.updateStream(StreamConfiguration.builder(settings).allowDirect(false).build());
        }
    }

    String holder() {
        return holder;
    }

    /**
     * Returns once this hub holds the lease (true): at once if nobody holds it, else when its holder stopped renewing;
     * or when told to stop first (false).
     *
     * @throws IOException if the lease could not be read for {@link #UNREADABLE}
     */
    boolean acquire(CountDownLatch stop) throws InterruptedException, IOException {
        long seenRevision = -1;
        long seenSince = System.nanoTime();
        long lastRead = System.nanoTime();
        while (true) {
            try {
                KeyValueEntry entry = bucket.get(KEY);
                lastRead = System.nanoTime();
                if (entry == null || entry.getOperation() != KeyValueOperation.PUT) {
                    revision = entry == null ? bucket.create(KEY, name()) : bucket.update(KEY, name(),
                            entry.getRevision());
                    renewed = System.nanoTime();
                    LOG.info("Hub {} leads: nobody held the lease", holder);
                    return true;
                }
                if (holder.equals(entry.getValueAsString())) {   // this hub gave up the lead while cut off
                    revision = bucket.update(KEY, name(), entry.getRevision());
                    renewed = System.nanoTime();
                    LOG.info("Hub {} leads again: nobody took the lease meanwhile", holder);
                    return true;
                }
                if (entry.getRevision() != seenRevision) {
                    seenRevision = entry.getRevision();
                    seenSince = System.nanoTime();
                } else if (System.nanoTime() - seenSince >= EXPIRY.toNanos()) {
                    revision = bucket.update(KEY, name(), seenRevision);
                    renewed = System.nanoTime();
                    LOG.info("Hub {} leads: {} stopped renewing the lease", holder, entry.getValueAsString());
                    return true;
                }
            } catch (JetStreamApiException e) {
                // another hub changed it first, or the read was older than the lease: the evidence if none leads
                LOG.info("Hub {} could not take the lease at revision {}: {}", holder, seenRevision, e.getMessage());
            } catch (IOException | RuntimeException e) {
                // Blind meanwhile, yet still counting: any renewal while blind shows as a new revision at the next
                // read, and restarts the count then. Starting over at every failed read would never take over from
                // a dead leader while reads fail now and then (as they do while the cluster replaces a lost node).
                LOG.warn("Cannot read the lease: {}", e.getMessage());
                if (System.nanoTime() - lastRead > UNREADABLE.toNanos()) {
                    throw new IOException("the lease could not be read for " + UNREADABLE.toSeconds() + " s", e);
                }
            }
            if (stop.await(POLL.toMillis(), TimeUnit.MILLISECONDS)) {   // a standby polls: one reader per standby
                return false;
            }
        }
    }

    /**
     * Renews the lease.
     *
     * @return false if another hub holds it now, or if it could not be renewed for {@link #EXPIRY}, after which a
     *         standby may hold it; true if renewed, or if the servers could not be asked for a shorter while
     */
    boolean renew() {
        try {
            revision = bucket.update(KEY, name(), revision);
            renewed = System.nanoTime();
            return true;
        } catch (JetStreamApiException e) {
            return stillMine();
        } catch (IOException | RuntimeException e) {
            LOG.warn("Cannot renew the lease: {}", e.getMessage());
            if (!lapsed()) {
                return true;
            }
            LOG.warn("Hub {} gives up the lead: its lease was not renewed for {} ms", holder, EXPIRY.toMillis());
            return false;
        }
    }

    /**
     * Whether no renewal succeeded for {@link #EXPIRY}, whatever a renewal under way may still do: a standby may hold
     * the lease by now. (A renewal was seen not to return at all while the cluster replaced a lost node.)
     */
    boolean lapsed() {
        return sinceRenewed() >= EXPIRY.toNanos();
    }

    /**
     * Whether this leader may still write to the buckets. A standby takes the lease {@link #EXPIRY} after it saw a
     * renewal, at the earliest when the servers wrote it; this hub counts from their answer, and stops writing
     * {@link #WRITES} after it, so before any standby may write unless the answer took longer than {@link #RENEWAL}.
     * The leader finds out that it lost the lease later (its renewals are a second apart): its writes must not wait
     * for that.
     */
    boolean mayWrite() {
        return sinceRenewed() < WRITES.toNanos();
    }

    /** Nanoseconds since the last renewal that succeeded. */
    private long sinceRenewed() {
        return System.nanoTime() - renewed;
    }

    /** Gives the lease up, if this hub still holds it, so that a standby takes over at once. */
    void release() {
        try {
            bucket.delete(KEY, revision);
        } catch (IOException | JetStreamApiException e) {
            LOG.info("The lease was not released: {}", e.getMessage());
        }
    }

    /**
     * After a refused renewal: the last renewal may have been written though its answer was lost, and then the lease
     * names this hub at a revision newer than the last it knows it wrote.
     */
    private boolean stillMine() {
        try {
            KeyValueEntry entry = bucket.get(KEY);
            if (entry != null && entry.getOperation() == KeyValueOperation.PUT
                    && holder.equals(entry.getValueAsString()) && entry.getRevision() > revision) {
                revision = entry.getRevision();
                renewed = System.nanoTime();
                return true;
            }
            LOG.warn("Hub {} lost the lease to {}", holder, entry == null ? "nobody" : entry.getValueAsString());
            return false;
        } catch (IOException | JetStreamApiException | RuntimeException e) {
            LOG.warn("Cannot read the lease: {}", e.getMessage());
            return !lapsed();
        }
    }

    private byte[] name() {
        return holder.getBytes(StandardCharsets.UTF_8);
    }
}

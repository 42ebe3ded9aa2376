package org.amicus.cti.hub.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.api.KeyValueEntry;
import io.nats.client.api.KeyValueWatcher;
import io.nats.client.impl.NatsKeyValueWatchSubscription;

/**
 * The watches of a reader's key-value buckets: each gives its bucket's current entries, then every change. After a
 * reconnect every bucket is read again; a watch that cannot be made (e.g. while the cluster elects a new leader for
 * the bucket's stream after a server was lost) is tried again every second until it can, or the watches are stopped.
 * What a watch given up still delivers is dropped, so that a later read does not take it as its own. The reader hears
 * everything with its lock held, in order with its own changes.
 */
final class BucketWatches {

    /** What the watches tell their reader, with the reader's lock held. */
    interface Reader {

        /** A read of every bucket starts: what it does not find again is gone. */
        void readStarts();

        /** An entry of a bucket, from its current ones or a live change. */
        void entry(String bucket, KeyValueEntry entry);

        /** Every bucket has been read whole; live changes follow. */
        void allRead();

        /** A bucket cannot be watched; every bucket is read again in a second. */
        void cannotWatch(String bucket, Exception e);
    }

    private static final Logger LOG = LoggerFactory.getLogger(BucketWatches.class);
    private static final Duration RETRY = Duration.ofSeconds(1);

    private final Object lock;
    private final ScheduledExecutorService retries;
    private final Reader reader;
    private final List<NatsKeyValueWatchSubscription> watches = new ArrayList<>();
    private Connection connection;
    private List<String> buckets = List.of();
    private ScheduledFuture<?> retry;
    private boolean stopped;
    /** Counts the reads: what a watch given up still delivers must not count in a later read. */
    private int generation;
    private int unread;

    /** @param lock the reader's lock, held while it hears anything */
    BucketWatches(Object lock, ScheduledExecutorService retries, Reader reader) {
        this.lock = lock;
        this.retries = retries;
        this.reader = reader;
    }

    /** Starts watching these buckets on this connection. */
    void watch(Connection on, List<String> watched) {
        synchronized (lock) {
            connection = on;
            buckets = List.copyOf(watched);
            stopped = false;
            rewatch();
        }
    }

    /** The buckets watched. */
    List<String> buckets() {
        synchronized (lock) {
            return buckets;
        }
    }

    /** Reads every bucket again, as after a reconnect. */
    void rewatch() {
        synchronized (lock) {
            stopWatches();
            if (retry != null) {
                retry.cancel(false);
            }
            if (connection == null || stopped) {
                return;
            }
            generation++;
            unread = buckets.size();
            reader.readStarts();
            if (unread == 0) {
                reader.allRead();
            }
            for (String bucket : buckets) {
                try {
                    watches.add(connection.keyValue(bucket).watchAll(new Watcher(bucket, generation)));
                } catch (IOException | JetStreamApiException | RuntimeException e) {
                    LOG.warn("Cannot watch bucket {}, trying again in {} ms: {}", bucket, RETRY.toMillis(),
                            e.getMessage());
                    reader.cannotWatch(bucket, e);
                    retry = retries.schedule(this::rewatch, RETRY.toMillis(), TimeUnit.MILLISECONDS);
                    return;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Stops watching, until the next {@link #watch}. */
    void stop() {
        synchronized (lock) {
            stopped = true;
            if (retry != null) {
                retry.cancel(false);
            }
            stopWatches();
        }
    }

    private void stopWatches() {
        watches.forEach(watch -> {
            try {
                watch.unsubscribe();
            } catch (RuntimeException e) {
                LOG.debug("Watch already gone: {}", e.getMessage());
            }
        });
        watches.clear();
    }

    /** One bucket's watch in one read: entries, then the end of the current ones, then live changes. */
    private final class Watcher implements KeyValueWatcher {

        private final String bucket;
        private final int of;

        Watcher(String bucket, int of) {
            this.bucket = bucket;
            this.of = of;
        }

        @Override
        public void watch(KeyValueEntry entry) {
            synchronized (lock) {
                if (of == generation) {
                    reader.entry(bucket, entry);
                }
            }
        }

        @Override
        public void endOfData() {
            synchronized (lock) {
                if (of == generation && --unread == 0) {
                    reader.allRead();
                }
            }
        }
    }
}

package org.amicus.cti.hub.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.amicus.cti.Channel;
import org.amicus.cti.ChannelChange;
import org.amicus.cti.ChannelChange.Kind;
import org.amicus.cti.ChannelListener;
import org.amicus.cti.ChannelRegistry;
import org.amicus.cti.ChannelSnapshot;
import org.amicus.cti.hub.ChannelCodec;
import org.amicus.cti.hub.HubSubjects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.api.KeyValueEntry;
import io.nats.client.api.KeyValueOperation;
import io.nats.client.api.KeyValueWatcher;
import io.nats.client.impl.NatsKeyValueWatchSubscription;

/**
 * The channels a user may see, from the hub's key-value buckets: each watch gives the current entries, then every
 * change. A channel held by several of the user's buckets (a team's and the user's own) is one channel, gone when
 * the last of them deletes it. After a reconnect every bucket is read again and what vanished meanwhile is removed; a
 * watch that cannot be made is tried again every second until it can, or the registry is stopped.
 */
public final class KvChannelRegistry implements ChannelRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(KvChannelRegistry.class);
    private static final Duration RETRY = Duration.ofSeconds(1);

    private final List<ChannelListener> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, Set<String>> bucketsOf = new HashMap<>();          // unique id -> buckets holding it
    private final Map<String, String> uniqueIdOf = new HashMap<>();              // key -> unique id
    private final Map<String, Channel> channels = new LinkedHashMap<>();
    private final List<NatsKeyValueWatchSubscription> watches = new ArrayList<>();
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "amicus-hub-rewatch");
        thread.setDaemon(true);
        return thread;
    });
    private Connection connection;
    private ScheduledFuture<?> retry;
    private boolean stopped;
    private List<String> buckets = List.of();
    private Set<String> seenInLoad = new HashSet<>();
    private int loading;
    /** Counts the reads: what a watch given up still delivers must not count in a later read. */
    private int generation;
    private CompletableFuture<ChannelSnapshot> nextResync = new CompletableFuture<>();
    private volatile ChannelSnapshot snapshot = ChannelSnapshot.EMPTY;
    private volatile String problem = "Not connected to the hub";

    /** Starts watching these buckets on this connection. */
    public synchronized void watch(Connection connection, List<String> buckets) {
        this.connection = connection;
        this.buckets = List.copyOf(buckets);
        stopped = false;
        rewatch();
    }

    /** Reads every bucket again, as after a reconnect; what is no longer there when all are read is removed. */
    public synchronized void rewatch() {
        stopWatches();
        if (retry != null) {
            retry.cancel(false);
        }
        generation++;
        seenInLoad = new HashSet<>();
        loading = buckets.size();
        if (loading == 0) {
            endOfLoad();
        }
        for (String bucket : buckets) {
            try {
                watches.add(connection.keyValue(bucket).watchAll(new BucketWatcher(bucket, generation)));
            } catch (IOException | JetStreamApiException | RuntimeException e) {
                problem = "cannot watch " + bucket + ": " + e.getMessage();
                LOG.warn("Cannot watch bucket {}, trying again in {} ms: {}", bucket, RETRY.toMillis(),
                        e.getMessage());
                nextResync.completeExceptionally(new IOException(problem, e));
                nextResync = new CompletableFuture<>();
                // e.g. while the cluster elects a new leader for the bucket's stream after a server was lost
                if (!stopped) {
                    retry = retries.schedule(this::rewatch, RETRY.toMillis(), TimeUnit.MILLISECONDS);
                }
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    public synchronized void stop() {
        stopped = true;
        if (retry != null) {
            retry.cancel(false);
        }
        stopWatches();
    }

    @Override
    public ChannelSnapshot snapshot() {
        return snapshot;
    }

    @Override
    public Optional<String> resyncProblem() {
        return Optional.ofNullable(problem);
    }

    @Override
    public synchronized CompletableFuture<ChannelSnapshot> nextResync() {
        return nextResync.copy();
    }

    @Override
    public void addListener(ChannelListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(ChannelListener listener) {
        listeners.remove(listener);
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

    private synchronized void apply(String bucket, KeyValueEntry entry, int of) {
        if (of != generation) {
            return;
        }
        if (entry.getOperation() == KeyValueOperation.PUT) {
            Channel channel;
            try {
                channel = ChannelCodec.decode(entry.getValue());
            } catch (IllegalArgumentException e) {
                LOG.warn("Entry {} of bucket {} is not a channel: {}", entry.getKey(), bucket, e.getMessage());
                return;
            }
            seenInLoad.add(channel.uniqueId());
            uniqueIdOf.put(entry.getKey(), channel.uniqueId());
            bucketsOf.computeIfAbsent(channel.uniqueId(), id -> new HashSet<>()).add(bucket);
            Channel before = channels.put(channel.uniqueId(), channel);
            if (!channel.equals(before)) {
                publish(List.of(new ChannelChange(before == null ? Kind.ADDED : Kind.CHANGED, channel, before)));
            }
        } else {
            String uniqueId = uniqueIdOf.get(entry.getKey());
            Set<String> holding = uniqueId == null ? null : bucketsOf.get(uniqueId);
            if (holding != null && holding.remove(bucket) && holding.isEmpty()) {
                remove(List.of(uniqueId));
            }
        }
    }

    private synchronized void bucketRead(int of) {
        if (of == generation && --loading == 0) {
            endOfLoad();
        }
    }

    private void endOfLoad() {
        List<String> gone = channels.keySet().stream().filter(id -> !seenInLoad.contains(id)).toList();
        LOG.info("Read the buckets {}: {} channels; {} gone since the last read", buckets, seenInLoad.size(), gone);
        remove(gone);
        problem = null;
        CompletableFuture<ChannelSnapshot> done = nextResync;
        nextResync = new CompletableFuture<>();
        done.complete(snapshot);
    }

    private void remove(List<String> uniqueIds) {
        List<ChannelChange> changes = new ArrayList<>();
        for (String id : uniqueIds) {
            bucketsOf.remove(id);
            uniqueIdOf.remove(HubSubjects.key(id));
            Channel gone = channels.remove(id);
            if (gone != null) {
                changes.add(new ChannelChange(Kind.REMOVED, gone, null));
            }
        }
        if (!changes.isEmpty()) {
            publish(changes);
        }
    }

    private void publish(List<ChannelChange> changes) {
        snapshot = new ChannelSnapshot(channels);
        for (ChannelListener listener : listeners) {
            try {
                listener.channelsChanged(changes);
            } catch (RuntimeException e) {
                LOG.warn("A channel listener failed", e);
            }
        }
    }

    /** One bucket's watch: entries, then the end of the current ones, then live changes. */
    private final class BucketWatcher implements KeyValueWatcher {

        private final String bucket;
        private final int generation;

        BucketWatcher(String bucket, int generation) {
            this.bucket = bucket;
            this.generation = generation;
        }

        @Override
        public void watch(KeyValueEntry entry) {
            apply(bucket, entry, generation);
        }

        @Override
        public void endOfData() {
            bucketRead(generation);
        }
    }
}

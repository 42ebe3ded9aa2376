package org.amicus.cti.hub.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.amicus.cti.Channel;
import org.amicus.cti.ChannelChange;
import org.amicus.cti.ChannelChange.Kind;
import org.amicus.cti.ChannelListener;
import org.amicus.cti.ChannelRegistry;
import org.amicus.cti.ChannelSnapshot;
import org.amicus.cti.LiveChannels;
import org.amicus.cti.hub.ChannelCodec;
import org.amicus.cti.hub.HubSubjects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.nats.client.Connection;
import io.nats.client.api.KeyValueEntry;
import io.nats.client.api.KeyValueOperation;

/**
 * The channels a user may see, from the hub's key-value buckets: each watch gives the current entries, then every
 * change. A channel held by several of the user's buckets (a team's and the user's own) is one channel, gone when
 * the last of them deletes it. After a reconnect every bucket is read again and what vanished meanwhile is removed
 * ({@link BucketWatches}).
 */
public final class KvChannelRegistry implements ChannelRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(KvChannelRegistry.class);

    private final List<ChannelListener> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, Set<String>> bucketsOf = new HashMap<>();          // unique id -> buckets holding it
    private final Map<String, String> uniqueIdOf = new HashMap<>();              // key -> unique id
    /** Changed with its own lock held too, so that a snapshot is made without waiting for the listeners. */
    private final LiveChannels channels = new LiveChannels();
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("amicus-hub-rewatch").daemon().factory());
    private final BucketWatches watches = new BucketWatches(this, retries, new Read());
    private Set<String> seenInLoad = new HashSet<>();
    private CompletableFuture<ChannelSnapshot> nextResync = new CompletableFuture<>();
    /** Made on demand, once per change: a read of thousands of entries would copy them all at each. */
    private volatile ChannelSnapshot snapshot = ChannelSnapshot.EMPTY;
    private volatile String problem = "Not connected to the hub";

    /** Starts watching these buckets on this connection. */
    public void watch(Connection connection, List<String> buckets) {
        watches.watch(connection, buckets);
    }

    /** Reads every bucket again, as after a reconnect; what is no longer there when all are read is removed. */
    public void rewatch() {
        watches.rewatch();
    }

    public void stop() {
        watches.stop();
    }

    @Override
    public ChannelSnapshot snapshot() {
        ChannelSnapshot current = snapshot;
        if (current == null) {
            synchronized (channels) {
                current = snapshot;
                if (current == null) {
                    current = channels.snapshot();
                    snapshot = current;
                }
            }
        }
        return current;
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

    private void remove(List<String> uniqueIds) {
        List<ChannelChange> changes = new ArrayList<>();
        for (String id : uniqueIds) {
            bucketsOf.remove(id);
            uniqueIdOf.remove(HubSubjects.key(id));
            Channel gone;
            synchronized (channels) {
                gone = channels.remove(id);
                snapshot = null;
            }
            if (gone != null) {
                changes.add(new ChannelChange(Kind.REMOVED, gone, null));
            }
        }
        if (!changes.isEmpty()) {
            publish(changes);
        }
    }

    private void publish(List<ChannelChange> changes) {
        for (ChannelListener listener : listeners) {
            try {
                listener.channelsChanged(changes);
            } catch (RuntimeException e) {
                LOG.warn("A channel listener failed", e);
            }
        }
    }

    /** What the watches tell, with the registry's lock held. */
    private final class Read implements BucketWatches.Reader {

        @Override
        public void readStarts() {
            seenInLoad = new HashSet<>();
        }

        @Override
        public void entry(String bucket, KeyValueEntry entry) {
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
                Channel before;
                synchronized (channels) {
                    before = channels.put(channel);
                    snapshot = null;
                }
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

        @Override
        public void allRead() {
            List<String> gone = channels.uniqueIds().stream().filter(id -> !seenInLoad.contains(id)).toList();
            LOG.info("Read the buckets {}: {} channels; {} gone since the last read", watches.buckets(),
                    seenInLoad.size(), gone);
            remove(gone);
            problem = null;
            CompletableFuture<ChannelSnapshot> done = nextResync;
            nextResync = new CompletableFuture<>();
            done.complete(snapshot());
        }

        @Override
        public void cannotWatch(String bucket, Exception e) {
            problem = "cannot watch " + bucket + ": " + e.getMessage();
            nextResync.completeExceptionally(new IOException(problem, e));
            nextResync = new CompletableFuture<>();
        }
    }
}

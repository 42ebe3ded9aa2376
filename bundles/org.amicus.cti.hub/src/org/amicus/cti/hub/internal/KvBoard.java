package org.amicus.cti.hub.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

import org.amicus.cti.hub.RecordJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.nats.client.Connection;
import io.nats.client.api.KeyValueEntry;
import io.nats.client.api.KeyValueOperation;
import io.nats.client.support.JsonParseException;
import io.nats.client.support.JsonParser;

/**
 * One of the boards the hub publishes (the queues, the colleagues' phones, the parked calls), read from its key-value
 * bucket: the watch gives the current entries, then every change; after a reconnect the bucket is read again and what
 * vanished meanwhile is removed ({@link BucketWatches}). The owner hears every change on the watch's thread, with the
 * board's lock held, so in order.
 *
 * @param <T> the record an entry holds, as {@link RecordJson} writes it
 */
final class KvBoard<T> implements BucketWatches.Reader {

    /** One entry's change: {@code before} is null when it was added, {@code after} when it was removed. */
    record Change<T>(T before, T after) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(KvBoard.class);

    private final String bucket;
    private final Class<T> type;
    private final BucketWatches watches;
    private final Consumer<List<Change<T>>> changed;
    private final Runnable loaded;
    private final Map<String, T> entries = new HashMap<>();
    private Set<String> seenInLoad = new HashSet<>();
    private CompletableFuture<Void> nextLoad = new CompletableFuture<>();
    private volatile String problem = "Not connected to the hub";

    /**
     * @param changed told of the changes of one entry, or of those a reload found
     * @param loaded  told once the bucket has been read, after the changes it made
     */
    KvBoard(String bucket, Class<T> type, ScheduledExecutorService retries, Consumer<List<Change<T>>> changed,
            Runnable loaded) {
        this.bucket = bucket;
        this.type = type;
        this.watches = new BucketWatches(this, retries, this);
        this.changed = changed;
        this.loaded = loaded;
    }

    /** Runs this with the board's lock held: in order with the board's own changes. */
    synchronized void inTurn(Runnable telling) {
        telling.run();
    }

    void watch(Connection on) {
        watches.watch(on, List.of(bucket));
    }

    /** Reads the bucket again, as after a reconnect; what is no longer there once it is read is removed. */
    void rewatch() {
        watches.rewatch();
    }

    void stop() {
        watches.stop();
    }

    /** The entries now, in no order. */
    synchronized List<T> entries() {
        return List.copyOf(entries.values());
    }

    Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    /** Completes once the bucket has next been read whole, or exceptionally if it cannot be watched. */
    synchronized CompletableFuture<Void> nextLoad() {
        return nextLoad.copy();
    }

    @Override
    public void readStarts() {
        seenInLoad = new HashSet<>();
    }

    @Override
    public void entry(String from, KeyValueEntry entry) {
        String key = entry.getKey();
        T after = null;
        if (entry.getOperation() == KeyValueOperation.PUT) {
            try {
                after = RecordJson.as(JsonParser.parse(new String(entry.getValue(), StandardCharsets.UTF_8)), type);
            } catch (JsonParseException | IllegalArgumentException e) {
                LOG.warn("Entry {} of bucket {} is not a {}: {}", key, bucket, type.getSimpleName(), e.getMessage());
                return;
            }
            seenInLoad.add(key);
        }
        T before = after == null ? entries.remove(key) : entries.put(key, after);
        if (!Objects.equals(before, after)) {
            changed.accept(List.of(new Change<>(before, after)));
        }
    }

    @Override
    public void allRead() {
        List<Change<T>> vanished = new ArrayList<>();
        entries.keySet().removeIf(key -> {
            if (seenInLoad.contains(key)) {
                return false;
            }
            vanished.add(new Change<>(entries.get(key), null));
            return true;
        });
        if (!vanished.isEmpty()) {
            changed.accept(vanished);
        }
        problem = null;
        loaded.run();
        CompletableFuture<Void> done = nextLoad;
        nextLoad = new CompletableFuture<>();
        done.complete(null);
    }

    @Override
    public void cannotWatch(String from, Exception e) {
        problem = "cannot watch " + from + ": " + e.getMessage();
        nextLoad.completeExceptionally(new IOException(problem, e));
        nextLoad = new CompletableFuture<>();
    }
}

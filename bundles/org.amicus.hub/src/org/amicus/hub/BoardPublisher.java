package org.amicus.hub;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;

import org.amicus.cti.ColleagueListener;
import org.amicus.cti.ParkedCallListener;
import org.amicus.cti.QueueListener;
import org.amicus.cti.hub.HubSubjects;
import org.amicus.cti.hub.RecordJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.nats.client.JetStreamApiException;
import io.nats.client.KeyValue;

/**
 * Mirrors the boards every user may read into their buckets: the queues, the colleagues' phones and the parked calls,
 * one entry each, deleted when gone. The registries' listeners only mark a board as changed; a
 * {@link CoalescingWriter} writes what differs from what it wrote last, from the board's latest state.
 */
final class BoardPublisher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BoardPublisher.class);

    private final PbxServices services;
    private final Map<String, KeyValue> buckets;
    private final Map<String, Supplier<Map<String, Object>>> boards = new LinkedHashMap<>(); // bucket -> entries now
    private final Map<String, Map<String, byte[]>> written = new HashMap<>();               // bucket -> key -> value
    private final CoalescingWriter<String> writer;
    private final QueueListener queuesChanged;
    private final ColleagueListener colleaguesChanged;
    private final ParkedCallListener parkedChanged;

    /**
     * @param buckets  the board buckets, by name
     * @param mayWrite whether the buckets may be written now (see {@link CoalescingWriter})
     */
    BoardPublisher(PbxServices services, Map<String, KeyValue> buckets, BooleanSupplier mayWrite) {
        this.writer = new CoalescingWriter<>("amicus-hub-boards", this::writeBoards, mayWrite);
        queuesChanged = changes -> writer.mark(HubSubjects.QUEUES_BUCKET);
        colleaguesChanged = changes -> writer.mark(HubSubjects.COLLEAGUES_BUCKET);
        parkedChanged = parked -> writer.mark(HubSubjects.PARKED_BUCKET);
        this.services = services;
        this.buckets = buckets;
        boards.put(HubSubjects.QUEUES_BUCKET, () -> byKey(services.queues().snapshot().queues(), queue -> queue.name()));
        boards.put(HubSubjects.COLLEAGUES_BUCKET, () -> byKey(services.colleagues().colleagues(),
                colleague -> colleague.context() + "/" + colleague.extension()));
        boards.put(HubSubjects.PARKED_BUCKET, () -> byKey(services.parked().parked(), parked -> parked.space()));
    }

    /**
     * Takes over what an earlier hub wrote (rewriting what is still there, deleting what is gone), then follows the
     * boards.
     */
    void start() throws IOException, JetStreamApiException, InterruptedException {
        services.queues().addListener(queuesChanged);
        services.colleagues().addListener(colleaguesChanged);
        services.parked().addListener(parkedChanged);
        for (String bucket : boards.keySet()) {
            Map<String, byte[]> earlier = new HashMap<>();
            buckets.get(bucket).keys().forEach(key -> earlier.put(key, null));
            written.put(bucket, earlier);
            writer.mark(bucket);
        }
        writer.start();   // the written entries are the writer's alone from here on
    }

    @Override
    public void close() throws InterruptedException {
        services.queues().removeListener(queuesChanged);
        services.colleagues().removeListener(colleaguesChanged);
        services.parked().removeListener(parkedChanged);
        writer.close();
    }

    /** Writes these boards; returns those that failed, to be tried again. */
    private List<String> writeBoards(List<String> changedBoards) {
        return changedBoards.stream().filter(bucket -> !write(bucket)).toList();
    }

    /** Writes the entries of a board that differ from what was written, deletes those gone; false if one failed. */
    private boolean write(String bucket) {
        KeyValue kv = buckets.get(bucket);
        Map<String, byte[]> was = written.get(bucket);
        Map<String, Object> now = boards.get(bucket).get();
        boolean done = true;
        for (Map.Entry<String, Object> entry : now.entrySet()) {
            byte[] value = RecordJson.of(entry.getValue()).toJson().getBytes(StandardCharsets.UTF_8);
            if (!Arrays.equals(value, was.get(entry.getKey()))) {
                try {
                    kv.put(entry.getKey(), value);
                    was.put(entry.getKey(), value);
                } catch (IOException | JetStreamApiException e) {
                    LOG.warn("Cannot write {} to {}: {}", entry.getKey(), bucket, e.getMessage());
                    done = false;
                }
            }
        }
        for (String key : List.copyOf(was.keySet())) {
            if (!now.containsKey(key)) {
                try {
                    kv.delete(key);
                    was.remove(key);
                } catch (IOException | JetStreamApiException e) {
                    LOG.warn("Cannot delete {} from {}: {}", key, bucket, e.getMessage());
                    done = false;
                }
            }
        }
        return done;
    }

    private static <T> Map<String, Object> byKey(Iterable<T> items, Function<T, String> name) {
        Map<String, Object> entries = new LinkedHashMap<>();
        items.forEach(item -> entries.put(HubSubjects.key(name.apply(item)), item));
        return entries;
    }
}

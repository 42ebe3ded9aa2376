package org.amicus.hub;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

import org.amicus.cti.Channel;
import org.amicus.cti.ChannelChange;
import org.amicus.cti.ChannelListener;
import org.amicus.cti.ChannelRegistry;
import org.amicus.cti.ChannelSnapshot;
import org.amicus.cti.hub.ChannelCodec;
import org.amicus.cti.hub.HubSubjects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.KeyValue;
import io.nats.client.api.PublishAck;
import io.nats.client.impl.Headers;
import io.nats.client.support.NatsKeyValueUtil;

/**
 * Mirrors the live channels into the buckets of those who may see them: one entry per channel, deleted at hang-up.
 * The registry's listener only marks calls as changed, on the dispatch thread, and never waits; one thread of its own
 * writes the latest state of each marked call. Changes that come while it writes are coalesced: a channel that
 * changed ten times meanwhile is written once.
 */
final class RegistryPublisher implements ChannelListener, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RegistryPublisher.class);
    /** How long a pass waits for its writes to be acknowledged before it counts the rest as failed. */
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(5);
    /** How many writes a pass sends before it waits for their acknowledgements. */
    private static final int IN_FLIGHT = 1000;

    private final ChannelRegistry registry;
    private final Roster roster;
    private final Map<String, KeyValue> buckets;
    private final JetStream jetStream;   // writes the buckets' entries without waiting for each
    private final Map<String, Set<String>> channelsOfCall = new HashMap<>();  // linked id -> unique ids written
    private final Map<String, Set<String>> bucketsOfChannel = new HashMap<>(); // unique id -> buckets holding it
    private final Map<String, Channel> written = new HashMap<>();
    private final CoalescingWriter<String> writer;

    /** @param mayWrite whether the buckets may be written now (see {@link CoalescingWriter}) */
    RegistryPublisher(ChannelRegistry registry, Roster roster, Map<String, KeyValue> buckets, JetStream jetStream,
            BooleanSupplier mayWrite) {
        this.writer = new CoalescingWriter<>("amicus-hub-publisher", this::writeCalls, mayWrite);
        this.registry = registry;
        this.roster = roster;
        this.buckets = buckets;
        this.jetStream = jetStream;
    }

    /**
     * Deletes what an earlier hub left in the buckets for channels that are gone, then writes every live channel and
     * follows the registry. Entries of live channels stay, so that desktops see no gap when a standby takes over.
     */
    void start() throws IOException, JetStreamApiException, InterruptedException {
        registry.addListener(this);
        Map<String, Channel> liveByKey = new HashMap<>();
        registry.snapshot().channels().forEach(channel -> {
            writer.mark(channel.linkedId());
            liveByKey.put(HubSubjects.key(channel.uniqueId()), channel);
        });
        for (Map.Entry<String, KeyValue> bucket : buckets.entrySet()) {
            List<String> keys = bucket.getValue().keys();
            List<String> gone = keys.stream().filter(key -> !liveByKey.containsKey(key)).toList();
            if (!keys.isEmpty()) {   // what a takeover found: the evidence if a desktop keeps a call that ended
                LOG.info("Bucket {} held {} entries; deleting {} of channels that are gone: {}", bucket.getKey(),
                        keys.size(), gone.size(), gone);
            }
            for (String key : keys) {
                Channel live = liveByKey.get(key);
                if (live == null) {
                    bucket.getValue().delete(key);
                } else {   // rewritten where it belongs now, deleted here if it no longer belongs here
                    bucketsOfChannel.computeIfAbsent(live.uniqueId(), id -> new HashSet<>()).add(bucket.getKey());
                    channelsOfCall.computeIfAbsent(live.linkedId(), id -> new HashSet<>()).add(live.uniqueId());
                }
            }
        }
        writer.start();   // the maps are the writer's alone from here on
    }

    /**
     * Marks the call of each change, and the call a channel left: the PBX moves a channel into another call (a pick-up
     * gives the picking phone the caller's linked id), and the call it was written under must let it go.
     */
    @Override
    public void channelsChanged(List<ChannelChange> changes) {
        for (ChannelChange change : changes) {
            writer.mark(change.channel().linkedId());
            if (change.before() != null && !change.before().linkedId().equals(change.channel().linkedId())) {
                writer.mark(change.before().linkedId());
            }
        }
    }

    /** Waits until every change heard so far is written; false if that takes longer than the timeout. */
    boolean awaitWritten(Duration timeout) throws InterruptedException {
        return writer.awaitWritten(timeout);
    }

    @Override
    public void close() throws InterruptedException {
        registry.removeListener(this);
        writer.close();
    }

    /**
     * Writes the latest state of these calls, each write sent without waiting for the one before to be acknowledged
     * (each waits for two servers of three: one after the other, they made the lag); returns the calls to be tried
     * again.
     */
    private Collection<String> writeCalls(List<String> calls) {
        ChannelSnapshot snapshot = registry.snapshot();
        Map<String, List<Channel>> live = snapshot.calls();
        Acks acks = new Acks();
        Set<String> failed = new LinkedHashSet<>();
        for (String call : calls) {
            writeCall(call, live.getOrDefault(call, List.of()), snapshot, acks);
            if (acks.size() >= IN_FLIGHT) {   // a resync of thousands of channels does not fill the client's buffer
                failed.addAll(acks.awaitFailedCalls());
            }
        }
        failed.addAll(acks.awaitFailedCalls());
        return failed;
    }

    /**
     * Writes each live channel of the call where it now belongs, and deletes it where it no longer does. A channel
     * that moved to another call is only let go here: that call, marked by the same change, writes it. The
     * bookkeeping counts each write as done; one that fails is undone, so that the call's next pass does it again.
     */
    private void writeCall(String linkedId, List<Channel> channels, ChannelSnapshot snapshot, Acks acks) {
        Set<String> targets = roster.bucketsOf(channels);
        Set<String> tracked = new HashSet<>();
        for (Channel channel : channels) {
            String uniqueId = channel.uniqueId();
            tracked.add(uniqueId);
            Set<String> holding = bucketsOfChannel.computeIfAbsent(uniqueId, id -> new HashSet<>());
            boolean changed = !channel.equals(written.put(uniqueId, channel));
            for (String bucket : targets) {
                if (holding.add(bucket) || changed) {
                    // undone, it is written again; the bucket stays among those that may hold it (an older entry,
                    // or this one landing late), so that the channel's end deletes it there too
                    acks.expect(linkedId, put(bucket, channel), "write channel " + channel.name() + " to " + bucket,
                            () -> written.remove(uniqueId));
                }
            }
            for (String bucket : List.copyOf(holding)) {
                if (!targets.contains(bucket)) {
                    holding.remove(bucket);
                    acks.expect(linkedId, delete(bucket, uniqueId), "delete channel " + uniqueId + " from " + bucket,
                            () -> holding.add(bucket));
                }
            }
        }
        for (String ended : channelsOfCall.getOrDefault(linkedId, Set.of())) {   // ended, or moved to another call
            if (tracked.contains(ended) || snapshot.byUniqueId(ended).isPresent()) {
                continue;
            }
            written.remove(ended);
            for (String bucket : bucketsOfChannel.getOrDefault(ended, Set.of())) {
                acks.expect(linkedId, delete(bucket, ended), "delete channel " + ended + " from " + bucket, () -> {
                    bucketsOfChannel.computeIfAbsent(ended, id -> new HashSet<>()).add(bucket);
                    channelsOfCall.computeIfAbsent(linkedId, id -> new HashSet<>()).add(ended);   // still to delete
                });
            }
            bucketsOfChannel.remove(ended);
        }
        if (tracked.isEmpty()) {
            channelsOfCall.remove(linkedId);
        } else {
            channelsOfCall.put(linkedId, tracked);
        }
    }

    private CompletableFuture<PublishAck> put(String bucket, Channel channel) {
        return publish(bucket, channel.uniqueId(), null, ChannelCodec.encode(channel));
    }

    private CompletableFuture<PublishAck> delete(String bucket, String uniqueId) {
        return publish(bucket, uniqueId, NatsKeyValueUtil.getDeleteHeaders(), null);
    }

    /** A key-value write as the client's own put and delete make it, on the bucket's subject for the key. */
    private CompletableFuture<PublishAck> publish(String bucket, String uniqueId, Headers headers, byte[] value) {
        try {
            return jetStream.publishAsync(NatsKeyValueUtil.toKeyPrefix(bucket) + HubSubjects.key(uniqueId), headers,
                    value);
        } catch (RuntimeException e) {   // e.g. the connection is closed
            return CompletableFuture.failedFuture(e);
        }
    }

    /** The acknowledgements a pass of the writer waits for, each with what to undo if it does not come. */
    private static final class Acks {

        private record Expected(String call, CompletableFuture<PublishAck> ack, String what, Runnable undo) {
        }

        private final List<Expected> expected = new ArrayList<>();

        void expect(String call, CompletableFuture<PublishAck> ack, String what, Runnable undo) {
            expected.add(new Expected(call, ack, what, undo));
        }

        int size() {
            return expected.size();
        }

        /** Waits for every acknowledgement, {@link RegistryPublisher#ACK_TIMEOUT} at most in all; the calls of those that failed. */
        Set<String> awaitFailedCalls() {
            long deadline = System.nanoTime() + ACK_TIMEOUT.toNanos();
            Set<String> failed = new LinkedHashSet<>();
            for (Expected each : expected) {
                try {
                    each.ack().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (ExecutionException | TimeoutException | InterruptedException e) {
                    if (e instanceof InterruptedException) {
                        Thread.currentThread().interrupt();
                    }
                    LOG.warn("Cannot {}: {}", each.what(), e instanceof ExecutionException ? e.getCause().getMessage()
                            : "no acknowledgement within " + ACK_TIMEOUT.toMillis() + " ms");
                    each.undo().run();
                    failed.add(each.call());
                }
            }
            expected.clear();
            return failed;
        }
    }
}

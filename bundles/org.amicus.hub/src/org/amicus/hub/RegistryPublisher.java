package org.amicus.hub;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.amicus.cti.Channel;
import org.amicus.cti.ChannelChange;
import org.amicus.cti.ChannelListener;
import org.amicus.cti.ChannelRegistry;
import org.amicus.cti.ChannelSnapshot;
import org.amicus.cti.hub.ChannelCodec;
import org.amicus.cti.hub.HubSubjects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.nats.client.JetStreamApiException;
import io.nats.client.KeyValue;

/**
 * Mirrors the live channels into the buckets of those who may see them: one entry per channel, deleted at hang-up.
 * The registry's listener only marks calls as changed, on the dispatch thread, and never waits; one thread of its own
 * writes the latest state of each marked call. Changes that come while it writes are coalesced: a channel that
 * changed ten times meanwhile is written once.
 */
final class RegistryPublisher implements ChannelListener, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RegistryPublisher.class);

    private final ChannelRegistry registry;
    private final Roster roster;
    private final Map<String, KeyValue> buckets;
    private final Map<String, Set<String>> channelsOfCall = new HashMap<>();  // linked id -> unique ids written
    private final Map<String, Set<String>> bucketsOfChannel = new HashMap<>(); // unique id -> buckets holding it
    private final Map<String, Channel> written = new HashMap<>();
    private final CoalescingWriter<String> writer = new CoalescingWriter<>("amicus-hub-publisher", this::writeCalls);

    RegistryPublisher(ChannelRegistry registry, Roster roster, Map<String, KeyValue> buckets) {
        this.registry = registry;
        this.roster = roster;
        this.buckets = buckets;
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

    /** Writes the latest state of these calls; returns those that failed, to be tried again. */
    private List<String> writeCalls(List<String> calls) {
        ChannelSnapshot snapshot = registry.snapshot();
        Map<String, List<Channel>> live = snapshot.calls();
        return calls.stream().filter(call -> !writeCall(call, live.getOrDefault(call, List.of()), snapshot))
                .toList();
    }

    /**
     * Writes each live channel of the call where it now belongs, and deletes it where it no longer does. A channel
     * that moved to another call is only let go here: that call, marked by the same change, writes it.
     *
     * @return false if a write failed: what failed is not counted as written, so the next pass does it again
     */
    private boolean writeCall(String linkedId, List<Channel> channels, ChannelSnapshot snapshot) {
        Set<String> targets = roster.bucketsOf(channels);
        Set<String> tracked = new HashSet<>();
        boolean done = true;
        for (Channel channel : channels) {
            tracked.add(channel.uniqueId());
            Set<String> holding = bucketsOfChannel.computeIfAbsent(channel.uniqueId(), id -> new HashSet<>());
            boolean changed = !channel.equals(written.put(channel.uniqueId(), channel));
            for (String bucket : targets) {
                if ((holding.add(bucket) || changed) && !put(bucket, channel)) {
                    holding.remove(bucket);
                    written.remove(channel.uniqueId());
                    done = false;
                }
            }
            done &= deleteFrom(channel.uniqueId(), holding.stream().filter(bucket -> !targets.contains(bucket))
                    .toList());
        }
        for (String ended : channelsOfCall.getOrDefault(linkedId, Set.of())) {   // ended, or moved to another call
            if (tracked.contains(ended) || snapshot.byUniqueId(ended).isPresent()) {
                continue;
            }
            if (deleteFrom(ended, List.copyOf(bucketsOfChannel.getOrDefault(ended, Set.of())))) {
                bucketsOfChannel.remove(ended);
                written.remove(ended);
            } else {
                tracked.add(ended);    // still to delete
                done = false;
            }
        }
        if (tracked.isEmpty()) {
            channelsOfCall.remove(linkedId);
        } else {
            channelsOfCall.put(linkedId, tracked);
        }
        return done;
    }

    private boolean put(String bucket, Channel channel) {
        try {
            buckets.get(bucket).put(HubSubjects.key(channel.uniqueId()), ChannelCodec.encode(channel));
            return true;
        } catch (IOException | JetStreamApiException e) {
            LOG.warn("Cannot write channel {} to {}: {}", channel.name(), bucket, e.getMessage());
            return false;
        }
    }

    /** Deletes the channel's entry from these buckets; false if a delete failed (that bucket still holds it). */
    private boolean deleteFrom(String uniqueId, List<String> from) {
        boolean done = true;
        for (String bucket : from) {
            try {
                buckets.get(bucket).delete(HubSubjects.key(uniqueId));
                bucketsOfChannel.getOrDefault(uniqueId, new HashSet<>()).remove(bucket);
            } catch (IOException | JetStreamApiException e) {
                LOG.warn("Cannot delete channel {} from {}: {}", uniqueId, bucket, e.getMessage());
                done = false;
            }
        }
        return done;
    }
}

package org.amicus.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import org.amicus.cti.Channel;
import org.amicus.cti.ChannelChange;
import org.amicus.cti.ChannelChange.Kind;
import org.amicus.cti.ChannelListener;
import org.amicus.cti.ChannelRegistry;
import org.amicus.cti.ChannelSnapshot;
import org.amicus.cti.ChannelState;
import org.amicus.cti.Party;
import org.amicus.cti.hub.ChannelCodec;
import org.amicus.cti.hub.HubSubjects;
import org.junit.jupiter.api.Test;

import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.KeyValue;
import io.nats.client.api.KeyValueEntry;
import io.nats.client.api.KeyValueOperation;
import io.nats.client.api.KeyValueWatcher;
import io.nats.client.impl.NatsKeyValueWatchSubscription;

/**
 * The channel publisher keeps the buckets right where the order of things makes it hard. A channel the PBX moves into
 * another call: at a pick-up the picking phone's channel takes the caller's linked id, which the test PBX's events
 * show first on that channel's BridgeLeave and Hangup as the caller hangs up. A write the servers refuse, as they do
 * while a bucket's stream elects a new leader after losing a node. The registry here is a stand-in driven by the test,
 * so that the changes come before the publisher writes, as they do when it is busy; the buckets are the real
 * cluster's, the refusals the test's own (said so where made).
 */
class RegistryPublisherTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    private final StandInRegistry registry = new StandInRegistry();
    private volatile CountDownLatch refusing;

    @Test
    void aChannelMovedIntoTheCallersCallStaysInItsBucket() throws Exception {
        String id = "picking-" + UUID.randomUUID();
        Channel picking = onCarolsPhone(id, "pick-" + id);
        Channel moved = onCarolsPhone(id, "caller-" + id);
        publishing(picking, (publisher, sales) -> {
            registry.change(List.of(moved), new ChannelChange(Kind.CHANGED, moved, picking));
            assertTrue(publisher.awaitWritten(WAIT), "written");
            assertEquals(moved, read(sales, id), "moved into the caller's call, and still live");
        });
    }

    @Test
    void aChannelMovedIntoTheCallersCallAndHungUpBeforeTheWriteIsDeleted() throws Exception {
        String id = "picking-" + UUID.randomUUID();
        Channel picking = onCarolsPhone(id, "pick-" + id);
        Channel moved = onCarolsPhone(id, "caller-" + id);
        publishing(picking, (publisher, sales) -> {
            registry.change(List.of(), new ChannelChange(Kind.CHANGED, moved, picking),
                    new ChannelChange(Kind.REMOVED, moved, null));
            assertTrue(publisher.awaitWritten(WAIT), "written");
            assertNull(read(sales, id), "hung up, and still in the bucket");
        });
    }

    @Test
    void aChannelWhoseChangeCouldNotBeWrittenIsStillDeletedAtHangUp() throws Exception {
        String id = "refused-" + UUID.randomUUID();
        Channel alone = onCarolsPhone(id, "call-" + id);
        Channel bridged = new Channel(id, alone.name(), alone.linkedId(), ChannelState.UP, Party.UNKNOWN,
                Party.UNKNOWN, "amicus", "s", "AppDial", "", "PJSIP/105-00000001", "", alone.started(),
                alone.started());
        publishing(alone, (publisher, sales) -> {
            refusing = new CountDownLatch(1);   // as while the bucket's stream has no leader: "no responders"
            registry.change(List.of(bridged), new ChannelChange(Kind.CHANGED, bridged, alone));
            assertTrue(refusing.await(WAIT.toSeconds(), TimeUnit.SECONDS), "the change was refused");
            refusing = null;
            registry.change(List.of(), new ChannelChange(Kind.REMOVED, bridged, null));
            assertTrue(publisher.awaitWritten(WAIT), "written");
            assertNull(read(sales, id), "hung up, and still in the bucket, as its refused change left it");
        });
    }

    /** Publishes the channel into the real buckets, then lets the test go on with the publisher and sales' bucket. */
    private void publishing(Channel channel, Step then) throws Exception {
        HubConfig config = TestRoster.config();
        TestRoster.startNats(config);
        try (Connection asHub = TestRoster.connect("hub", error -> { })) {
            Map<String, KeyValue> buckets = Hub.buckets(asHub, config);
            buckets.keySet().removeAll(HubSubjects.BOARD_BUCKETS);
            KeyValue sales = buckets.get(HubSubjects.teamBucket("sales"));
            RegistryPublisher publisher = new RegistryPublisher(registry, config.roster(), buckets,
                    refusingWhileAsked(asHub.jetStream()), TestRoster.ALWAYS);
            try {
                registry.change(List.of(channel), new ChannelChange(Kind.ADDED, channel, null));
                publisher.start();
                assertTrue(publisher.awaitWritten(WAIT), "written");
                assertEquals(channel, read(sales, channel.uniqueId()), "carol's phone in her team's bucket");
                then.run(publisher, sales);
            } finally {
                publisher.close();
            }
        }
    }

    /**
     * The real client's JetStream, but for its writes while {@link #refusing} is set: those are refused at once, as the
     * servers refuse them while a stream has no leader.
     */
    private JetStream refusingWhileAsked(JetStream real) {
        return (JetStream) Proxy.newProxyInstance(JetStream.class.getClassLoader(), new Class<?>[] { JetStream.class },
                (proxy, method, args) -> {
                    CountDownLatch refused = refusing;
                    if (refused != null && method.getName().equals("publishAsync")) {
                        refused.countDown();
                        return CompletableFuture.failedFuture(new IOException("503 No Responders (refused here)"));
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private interface Step {
        void run(RegistryPublisher publisher, KeyValue sales) throws Exception;
    }

    /**
     * The channel's entry as the leader of the bucket's stream holds it, through a watch: a get may be answered by a
     * replica that has not yet applied a write the leader acknowledged ("direct get"), and read the entry as it was.
     */
    private static Channel read(KeyValue bucket, String uniqueId) throws Exception {
        AtomicReference<Channel> last = new AtomicReference<>();
        CountDownLatch read = new CountDownLatch(1);
        KeyValueWatcher watcher = new KeyValueWatcher() {
            @Override
            public void watch(KeyValueEntry entry) {
                last.set(entry.getOperation() == KeyValueOperation.PUT ? ChannelCodec.decode(entry.getValue()) : null);
            }

            @Override
            public void endOfData() {
                read.countDown();
            }
        };
        try (NatsKeyValueWatchSubscription watch = bucket.watch(HubSubjects.key(uniqueId), watcher)) {
            assertTrue(read.await(WAIT.toSeconds(), TimeUnit.SECONDS), "the bucket was read");
            return last.get();
        }
    }

    private static Channel onCarolsPhone(String uniqueId, String linkedId) {
        Instant started = Instant.parse("2026-11-30T10:00:00Z");
        return new Channel(uniqueId, "PJSIP/106-0000000a", linkedId, ChannelState.UP, Party.UNKNOWN, Party.UNKNOWN,
                "amicus", "s", "AppDial", "", "", "", started, started);
    }

    /** A registry whose channels the test sets, telling its listeners on the test's thread as the PBX's would. */
    private static final class StandInRegistry implements ChannelRegistry {

        private final List<ChannelListener> listeners = new CopyOnWriteArrayList<>();
        private volatile ChannelSnapshot snapshot = ChannelSnapshot.EMPTY;

        void change(List<Channel> now, ChannelChange... changes) {
            snapshot = new ChannelSnapshot(now.stream().collect(Collectors.toMap(Channel::uniqueId,
                    channel -> channel)));
            listeners.forEach(listener -> listener.channelsChanged(List.of(changes)));
        }

        @Override
        public ChannelSnapshot snapshot() {
            return snapshot;
        }

        @Override
        public Optional<String> resyncProblem() {
            return Optional.empty();
        }

        @Override
        public CompletableFuture<ChannelSnapshot> nextResync() {
            return new CompletableFuture<>();
        }

        @Override
        public void addListener(ChannelListener listener) {
            listeners.add(listener);
        }

        @Override
        public void removeListener(ChannelListener listener) {
            listeners.remove(listener);
        }
    }
}

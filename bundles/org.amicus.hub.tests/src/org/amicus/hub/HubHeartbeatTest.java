package org.amicus.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.amicus.cti.CtiException;
import org.amicus.cti.hub.HubSubjects;
import org.amicus.cti.hub.internal.HubHeartbeat;
import org.junit.jupiter.api.Test;

import io.nats.client.Connection;
import io.nats.client.ConnectionListener.Events;

/**
 * The desktop's refusal while no hub serves it: a keyed failure, worded in the agent's language; and its hearing of
 * the heartbeat on the real test NATS cluster, with the test as the hub that beats.
 */
class HubHeartbeatTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final Duration BEAT = Duration.ofMillis(200);

    @Test
    void withoutAConnectionActionsAreRefusedAsNotConnectedInTheAgentsLanguage() {
        HubHeartbeat heartbeat = new HubHeartbeat(() -> { }, () -> { });
        CtiException refusal = heartbeat.refusal().orElseThrow();
        assertEquals("notConnectedToHub", refusal.key().orElseThrow());
        assertEquals("Not connected to the hub", refusal.getMessage());
        assertEquals("\u041d\u0435\u0442 \u043f\u043e\u0434\u043a\u043b\u044e\u0447\u0435\u043d\u0438\u044f "
                + "\u043a \u0445\u0430\u0431\u0443", refusal.message(Locale.forLanguageTag("ru")));
        assertEquals("Nicht mit dem Hub verbunden", refusal.message(Locale.GERMAN));
    }

    @Test
    void aHubHeardAfterAReconnectServesAndALostConnectionRefusesAgain() {
        HubHeartbeat heartbeat = new HubHeartbeat(() -> { }, () -> { });
        heartbeat.connectionEvent(Events.RECONNECTED);
        heartbeat.alive();
        assertTrue(heartbeat.refusal().isEmpty());
        heartbeat.connectionEvent(Events.DISCONNECTED);
        assertEquals("notConnectedToHub", heartbeat.refusal().orElseThrow().key().orElseThrow());
    }

    @Test
    void aReReadThatStallsDoesNotKeepTheHubsSilenceUnnoticedAndAnotherNewHubMeanwhileIsReadOnceAfter()
            throws Exception {
        TestRoster.startNats(TestRoster.config());
        CompletableFuture<Void> silent = new CompletableFuture<>();
        List<CompletableFuture<Void>> rereads = List.of(new CompletableFuture<>(), new CompletableFuture<>());
        AtomicInteger begun = new AtomicInteger();
        CountDownLatch stalled = new CountDownLatch(1);
        HubHeartbeat heartbeat = new HubHeartbeat(() -> silent.complete(null), () -> {
            int reread = begun.incrementAndGet();
            rereads.get(Math.min(reread, 2) - 1).complete(null);
            if (reread == 1) {
                awaitQuietly(stalled);   // as a watch made again while the cluster elects a stream leader
            }
        });
        try (Connection desktop = TestRoster.connect("alice", new CompletableFuture<>());
                Connection asHub = TestRoster.connect("hub", new CompletableFuture<>())) {
            heartbeat.start(desktop);
            heard(heartbeat, asHub, "hub-1");
            beat(asHub, "hub-2");
            rereads.get(0).get(WAIT.toSeconds(), TimeUnit.SECONDS);
            beat(asHub, "hub-3", "hub-4", "hub-5");
            silent.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertEquals(Optional.of("The hub is unavailable"), heartbeat.problem());
            assertEquals(1, begun.get(), "one re-read at a time");
            stalled.countDown();
            rereads.get(1).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } finally {
            stalled.countDown();
            heartbeat.stop();
        }
    }

    /**
     * Beats as this hub, as a hub does every second, until the desktop hears it: the desktop's subscription reaches
     * the other nodes of the cluster a moment after it was made.
     */
    private static void heard(HubHeartbeat heartbeat, Connection asHub, String hub) throws Exception {
        CompletableFuture<Void> served = new CompletableFuture<>();
        heartbeat.addListener(status -> {
            if (status.available()) {
                served.complete(null);
            }
        });
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!served.isDone() && System.nanoTime() < deadline) {
            beat(asHub, hub);
            try {
                served.get(BEAT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // not heard yet: beat again
            }
        }
        served.get(0, TimeUnit.SECONDS);
    }

    /** Beats as these hubs, one after the other, then falls silent. */
    private static void beat(Connection asHub, String... serving) throws Exception {
        for (String hub : serving) {
            asHub.publish(HubSubjects.HEARTBEAT, hub.getBytes(StandardCharsets.UTF_8));
        }
        asHub.flush(WAIT);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(WAIT.toSeconds() * 2, TimeUnit.SECONDS);   // beyond the test's own waits
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

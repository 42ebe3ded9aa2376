package org.amicus.reliability.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.amicus.ami.AmiEvent;
import org.amicus.ami.AmiEventListener;
import org.amicus.ami.ConnectionOptions;
import org.amicus.cti.ChannelRegistry;
import org.amicus.cti.ChannelSnapshot;
import org.amicus.cti.ChannelState;
import org.amicus.testing.RegistryWatcher;
import org.asteriskjava.manager.action.PingAction;
import org.junit.jupiter.api.Test;

/**
 * A flood of events while a listener stalls: every lost event is counted and reported, and one resync brings the
 * channel registry back to the truth, although the queue is smaller than the listing that resync asks for.
 */
class SlowConsumerTest extends AgainstFakeServer {

    private static final int BURST = 100_000;
    private static final int QUEUE = 1_000;
    /** Channels before the burst, which hangs them all up; more than the queue holds. */
    private static final int OLD = 3_000;
    /** Channels the burst creates, then changes over and over; more than the queue holds. */
    private static final int NEW = 2_000;
    private static final Set<String> BURST_EVENTS = Set.of("Newchannel", "Newstate", "Hangup");

    @Test
    void aBurstPastAStalledListenerIsCountedReportedAndRecoveredByOneResync() throws Exception {
        ChannelRegistry registry = services.get(ChannelRegistry.class);
        Stalling stalled = new Stalling();
        try (RegistryWatcher watcher = new RegistryWatcher(registry)) {
            for (int i = 0; i < OLD; i++) {
                fake.channels.created("old-" + i, 6);
            }
            connect(new ConnectionOptions(Duration.ofSeconds(5), Duration.ofMillis(500), Duration.ofSeconds(5),
                    QUEUE));
            watcher.await(s -> holdsTheTruth(s), TIMEOUT, "the channels listed at login");
            connection.addEventListener(stalled);
            long droppedBefore = connection.droppedEvents();
            int listingsBefore = fake.listings();
            TestLog log = new TestLog();

            fake.send(burst());
            // Answered after the reader has taken every event of the burst, counting each drop as it made it.
            connection.send(new PingAction(), TIMEOUT).get(30, TimeUnit.SECONDS);
            long dropped = connection.droppedEvents() - droppedBefore;
            assertTrue(dropped > 0, "events were dropped while the listener stalled");
            log.assertLogged("AMI event queue full (" + QUEUE + " events)");

            long releasedAt = System.nanoTime();
            stalled.release.countDown();
            watcher.await(s -> holdsTheTruth(s), TIMEOUT, "the channels the PBX has after the burst");
            Duration recovery = Duration.ofNanos(System.nanoTime() - releasedAt);

            assertEquals(BURST, stalled.heard.get() + dropped,
                    "every event of the burst was either delivered or counted as dropped");
            assertEquals(listingsBefore + 1, fake.listings(), "one listing set the registry right");
            log.assertLogged(dropped + " AMI events from " + fake.profile().server() + " were dropped");
            System.out.println("[figure] burst of " + BURST + " events, queue of " + QUEUE + ", listener stalled: "
                    + stalled.heard.get() + " delivered, " + dropped + " dropped and counted; registry equal to the "
                    + "truth (" + NEW + " channels) " + recovery.toMillis() + " ms after the listener resumed, "
                    + "with " + (fake.listings() - listingsBefore) + " listing");
        } finally {
            stalled.release.countDown();
            connection.removeEventListener(stalled);
        }
    }

    /** Hangs up every old channel, creates the new ones, then changes their states until the burst is complete. */
    private String burst() {
        StringBuilder burst = new StringBuilder(BURST * 400);
        for (int i = 0; i < OLD; i++) {
            burst.append(fake.channels.hungUp("old-" + i));
        }
        for (int i = 0; i < NEW; i++) {
            burst.append(fake.channels.created("new-" + i, 5));
        }
        for (int i = OLD + NEW; i < BURST; i++) {
            burst.append(fake.channels.changed("new-" + i % NEW, i / NEW % 2 == 0 ? 6 : 5));
        }
        return burst.toString();
    }

    /** Whether the registry holds exactly the fake PBX's channels, in their states. */
    private boolean holdsTheTruth(ChannelSnapshot snapshot) {
        Map<String, Integer> truth = fake.channels.now();
        return snapshot.size() == truth.size() && truth.entrySet().stream()
                .allMatch(channel -> snapshot.byUniqueId(channel.getKey()).map(c -> c.state())
                        .filter(ChannelState.ofAmi(channel.getValue().toString())::equals).isPresent());
    }

    /** A listener that stalls on the first event of the burst until released, counting the burst's events. */
    private static final class Stalling implements AmiEventListener {

        final CountDownLatch release = new CountDownLatch(1);
        final AtomicInteger heard = new AtomicInteger();

        @Override
        public void onEvent(AmiEvent event) {
            if (BURST_EVENTS.contains(event.name())) {
                heard.incrementAndGet();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}

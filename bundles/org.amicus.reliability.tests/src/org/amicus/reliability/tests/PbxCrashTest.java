package org.amicus.reliability.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.amicus.ami.ConnectionOptions;
import org.amicus.ami.ConnectionState;
import org.amicus.ami.OriginateOutcome;
import org.amicus.ami.OriginateOutcome.Result;
import org.amicus.ami.OriginateRequest;
import org.amicus.cti.Channel;
import org.amicus.cti.ChannelRegistry;
import org.amicus.testing.AgainstTestPbx;
import org.amicus.testing.RawAmi;
import org.amicus.testing.RegistryWatcher;
import org.amicus.testing.StatusRecorder;
import org.amicus.testing.TestPbx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The real test PBX is killed (SIGKILL) during traffic and started again, 20 times: each time every originate in
 * flight ends as CONNECTION_LOST, the connection comes back by itself, and the channel registry ends equal to what the
 * PBX lists; over the 20 crashes no thread and no memory is leaked.
 */
class PbxCrashTest extends AgainstTestPbx {

    private static final int CYCLES = 20;
    private static final ConnectionOptions OPTIONS = new ConnectionOptions(Duration.ofSeconds(1),
            Duration.ofMillis(100), Duration.ofMillis(500), ConnectionOptions.DEFAULT.eventQueueCapacity());
    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    /** Heap the 20 cycles may add: far less than one leaked connection per cycle would hold. */
    private static final long HEAP_GROWTH_ALLOWED = 1 << 20;

    private final StatusRecorder statuses = new StatusRecorder();
    private ChannelRegistry registry;
    private final List<Long> reconnectMillis = new ArrayList<>();
    private final List<Long> resyncMillis = new ArrayList<>();

    @AfterEach
    void stopRecordingStatusesAndHangUp() throws Exception {
        connection.removeStatusListener(statuses);
        try (RawAmi pbx = new RawAmi()) {
            pbx.send("Hangup", "Channel", "/^Local\\/(900|101)@" + TestPbx.CONTEXT + "-/");
        }
    }

    @Test
    void crashesDuringTrafficLoseNothingAndLeakNothing() throws Exception {
        connection.removeEventListener(events); // it keeps every event: it would grow the heap
        connection.connect(TestPbx.fullRights(), TestPbx.SECRET, OPTIONS).get(15, TimeUnit.SECONDS);
        connection.addStatusListener(statuses);
        registry = services.get(ChannelRegistry.class);
        try (RegistryWatcher watcher = new RegistryWatcher(registry)) {
            crashDuringTrafficAndRecover(watcher); // the first one loads classes and fills caches
            Resources before = Resources.measure();
            for (int i = 0; i < CYCLES; i++) {
                crashDuringTrafficAndRecover(watcher);
            }
            Resources after = Resources.measure();

            System.out.println("[figure] " + CYCLES + " crashes: reconnected " + range(reconnectMillis)
                    + " ms and resynced " + range(resyncMillis) + " ms after the PBX accepted logins again");
            System.out.println("[figure] before the crashes: " + before.describe());
            System.out.println("[figure] after " + CYCLES + " crashes: " + after.describe());
            assertEquals(before.stackThreads(), after.stackThreads(), "the connection's threads");
            assertTrue(after.heapBytes() - before.heapBytes() < HEAP_GROWTH_ALLOWED,
                    "heap grew by " + (after.heapBytes() - before.heapBytes()) + " bytes");
        }
    }

    private void crashDuringTrafficAndRecover(RegistryWatcher watcher) throws Exception {
        List<CompletableFuture<OriginateOutcome>> inFlight = traffic(watcher);
        Set<String> beforeCrash = ids(registry.snapshot().channels());

        TestPbx.crash();
        for (CompletableFuture<OriginateOutcome> outcome : inFlight) {
            assertEquals(Result.CONNECTION_LOST, outcome.get(10, TimeUnit.SECONDS).result());
        }
        statuses.awaitNext(s -> s.state() == ConnectionState.RECONNECTING, TIMEOUT);

        TestPbx.start();
        long upAt = System.nanoTime();
        callsBehindItsBack(); // calls the listing after the reconnect must show, or their events
        statuses.awaitNext(s -> s.state() == ConnectionState.CONNECTED, TIMEOUT);
        reconnectMillis.add(millisSince(upAt));
        watcher.await(s -> Collections.disjoint(ids(s.channels()), beforeCrash), TIMEOUT, "no channel of before");
        resyncMillis.add(millisSince(upAt));
        watcher.awaitSameAsPbx(connection); // no ghost, nothing missing
    }

    /** Two answered calls the registry knows, and two originates still ringing (extension 101 never answers). */
    private List<CompletableFuture<OriginateOutcome>> traffic(RegistryWatcher watcher) throws Exception {
        for (int i = 0; i < 2; i++) {
            OriginateOutcome call = connection.originate(OriginateRequest.call("Local/900@" + TestPbx.CONTEXT)
                    .toApplication("Wait", "60").build()).get(15, TimeUnit.SECONDS);
            assertEquals(Result.ANSWERED, call.result());
            watcher.await(s -> s.byUniqueId(call.channelId()).isPresent(), TIMEOUT, "the answered call");
        }
        List<CompletableFuture<OriginateOutcome>> ringing = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            ringing.add(connection.originate(OriginateRequest.call("Local/101@" + TestPbx.CONTEXT)
                    .toApplication("Wait", "60").timeout(Duration.ofSeconds(60)).build()));
        }
        watcher.await(s -> s.channels().stream().filter(c -> c.name().startsWith("Local/101@")).count() >= 4,
                TIMEOUT, "both originates ringing");
        return ringing;
    }

    private static void callsBehindItsBack() throws Exception {
        try (RawAmi pbx = new RawAmi()) {
            for (int i = 0; i < 2; i++) {
                pbx.send("Originate", "Channel", "Local/900@" + TestPbx.CONTEXT, "Application", "Wait", "Data", "60",
                        "Async", "true", "ChannelId", "amicus-test-" + UUID.randomUUID());
            }
        }
    }

    private static Set<String> ids(Collection<Channel> channels) {
        return channels.stream().map(Channel::uniqueId).collect(Collectors.toSet());
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    private static String range(List<Long> millis) {
        List<Long> sorted = millis.stream().sorted().toList();
        return sorted.get(0) + "–" + sorted.get(sorted.size() - 1) + " (median " + sorted.get(sorted.size() / 2)
                + ")";
    }
}

package org.amicus.cti.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.amicus.ami.AmiEvent;
import org.amicus.ami.AmiPermissionException;
import org.amicus.ami.OriginateOutcome;
import org.amicus.ami.OriginateOutcome.Result;
import org.amicus.ami.OriginateRequest;
import org.amicus.cti.Channel;
import org.amicus.cti.ChannelRegistry;
import org.amicus.cti.ChannelSnapshot;
import org.amicus.cti.ChannelState;
import org.amicus.testing.AgainstTestPbx;
import org.amicus.testing.RawAmi;
import org.amicus.testing.RegistryWatcher;
import org.amicus.testing.TestCalls;
import org.amicus.testing.TestPbx;
import org.asteriskjava.manager.action.CoreShowChannelsAction;
import org.asteriskjava.manager.action.HangupAction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The live channel registry follows the real test PBX, and ends equal to what the PBX lists. */
class ChannelRegistryTest extends AgainstTestPbx {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private ChannelRegistry registry;
    private RegistryWatcher watcher;

    @BeforeEach
    void watchRegistry() throws Exception {
        registry = services.get(ChannelRegistry.class);
        watcher = new RegistryWatcher(registry);
    }

    @AfterEach
    void stopWatching() {
        watcher.close();
    }

    @Test
    void followsACallFromRingingToHangUp() throws Exception {
        connectAsDesktop();
        Channel[] call = watcher.ringingCall(connection);
        Channel caller = call[0];
        Channel rings = call[1];
        assertEquals(ChannelState.UP, caller.state());
        assertEquals("Dial", caller.application());
        assertEquals(caller.linkedId(), rings.linkedId(), "one call");
        assertEquals(rings.name(), caller.bridgedWith());
        assertEquals(caller.name(), rings.bridgedWith());
        assertEquals("Customer", rings.connectedLine().name());
        assertTrue(registry.snapshot().calls().get(caller.linkedId()).stream().map(Channel::uniqueId).toList()
                .containsAll(List.of(caller.uniqueId(), rings.uniqueId())), "both legs grouped as one call");

        connection.send(new HangupAction(caller.name()), TIMEOUT).get(15, TimeUnit.SECONDS);

        watcher.await(s -> s.byUniqueId(caller.uniqueId()).isEmpty() && s.byUniqueId(rings.uniqueId()).isEmpty(),
                TIMEOUT, "both legs gone");
    }

    /** A customer calls ring group 620 (104 and 110 at once): 110 answers busy, 104 rings on. */
    @Test
    void aRingGroupRingsOnThroughThePhonesLeftWhenOneIsBusy() throws Exception {
        connectAsDesktop();
        String customer = customerCalls("620");
        try {
            AmiEvent busy = events.await("DialEnd", e -> customer.equals(e.get("Uniqueid").orElse(""))
                    && e.get("DialStatus").orElse("").equals("BUSY"), TIMEOUT);
            String phone110 = busy.get("DestChannel").orElseThrow();
            events.await("Hangup", e -> phone110.equals(e.get("Channel").orElse("")), TIMEOUT);

            ChannelSnapshot ringing = watcher.await(s -> TestCalls.ringingFor(s, customer) != null, TIMEOUT,
                    "the customer rings through to 104 still");
            assertTrue(TestCalls.ringingFor(ringing, customer).name().startsWith("PJSIP/104-"));
            assertTrue(ringing.byName(phone110).isEmpty(), "the busy phone is gone");
        } finally {
            hangUpAndAwaitTheEnd(customer);
        }
    }

    /** A customer calls ring group 621 (104 and 106 at once): 106 answers, 104 stops ringing. */
    @Test
    void aRingGroupConnectsThePhoneThatAnswers() throws Exception {
        connectAsDesktop();
        String customer = customerCalls("621");
        try {
            AmiEvent answered = events.await("DialEnd", e -> customer.equals(e.get("Uniqueid").orElse(""))
                    && e.get("DialStatus").orElse("").equals("ANSWER"), TIMEOUT);
            String phone106 = answered.get("DestChannel").orElseThrow();

            watcher.await(s -> s.byUniqueId(customer).map(Channel::bridgedWith).orElse("").equals(phone106)
                    && s.byName(phone106).map(Channel::bridgedWith).orElse("").equals(customerName(s, customer))
                    && s.channels().stream().noneMatch(c -> c.name().startsWith("PJSIP/104-")), TIMEOUT,
                    "the customer talks to 106 alone");
        } finally {
            hangUpAndAwaitTheEnd(customer);
        }
    }

    @Test
    void aResyncDropsGhostsAndAddsWhatWasMissed() throws Exception {
        connectAsDesktop();
        OriginateOutcome call = connection.originate(OriginateRequest.call("Local/900@" + TestPbx.CONTEXT)
                .toApplication("Wait", "60").build()).get(30, TimeUnit.SECONDS);
        Channel ghost = watcher.await(s -> s.byUniqueId(call.channelId()).isPresent(), TIMEOUT, "the call is known")
                .byUniqueId(call.channelId()).orElseThrow();
        watcher.await(s -> s.byUniqueId(call.channelId() + "-2").map(Channel::bridgedWith).orElse("")
                .equals(ghost.name()), TIMEOUT, "the two halves of a Local channel are each other's peers");
        connection.disconnect().get(10, TimeUnit.SECONDS);

        String meanwhile = "amicus-test-" + UUID.randomUUID();
        try (RawAmi behindItsBack = new RawAmi()) {
            behindItsBack.send("Hangup", "Channel", ghost.name());
            behindItsBack.send("Originate", "Channel", "Local/900@" + TestPbx.CONTEXT, "Application", "Wait",
                    "Data", "30", "Async", "true", "ChannelId", meanwhile);
        }
        connectAsDesktop();

        ChannelSnapshot resynced = watcher.awaitSameAsPbx(connection);
        assertTrue(resynced.byUniqueId(ghost.uniqueId()).isEmpty(), "the ghost is gone");
        assertTrue(resynced.byUniqueId(meanwhile).isPresent(), "the call made meanwhile is there");
    }

    @Test
    void staysEqualToThePbxUnderHundredsOfCalls() throws Exception {
        connectAsDesktop();
        int calls = 200;
        List<CompletableFuture<OriginateOutcome>> outcomes = IntStream.range(0, calls)
                .mapToObj(i -> connection.originate(OriginateRequest.call("Local/900@" + TestPbx.CONTEXT)
                        .toApplication("Wait", "60").timeout(Duration.ofSeconds(30)).build()))
                .toList();
        for (CompletableFuture<OriginateOutcome> outcome : outcomes) {
            assertEquals(Result.ANSWERED, outcome.get(60, TimeUnit.SECONDS).result());
        }
        ChannelSnapshot busy = watcher.awaitSameAsPbx(connection);
        List<Channel> ours = busy.channels().stream().filter(c -> c.name().startsWith("Local/900@")).toList();
        assertTrue(ours.size() >= 2 * calls, ours.size() + " channels");
        assertTrue(ours.stream().allMatch(c -> c.state() == ChannelState.UP), "all answered");
        System.out.println("[figure] registry equal to CoreShowChannels with " + busy.size() + " live channels");

        try (RawAmi pbx = new RawAmi()) {
            pbx.send("Hangup", "Channel", "/^Local\\/900@" + TestPbx.CONTEXT + "-/");
        }
        watcher.await(s -> s.channels().stream().noneMatch(c -> c.name().startsWith("Local/900@")), TIMEOUT,
                "all hung up");
        watcher.awaitSameAsPbx(connection);
    }

    @Test
    void withoutTheRightToListChannelsItSaysSoAndFollowsEvents() throws Exception {
        connection.connect(TestPbx.restricted(), TestPbx.RESTRICTED_SECRET).get(15, TimeUnit.SECONDS);

        connection.originate(OriginateRequest.call("Local/100@" + TestPbx.CONTEXT).toApplication("Wait", "1")
                .build());
        watcher.await(s -> s.channels().stream().anyMatch(c -> c.name().startsWith("Local/100@")), TIMEOUT,
                "the call is followed from its events");

        // The registry asked for the listing before it took those events; this later request is refused after it.
        assertThrows(ExecutionException.class,
                () -> connection.sendList(new CoreShowChannelsAction(), TIMEOUT).get(15, TimeUnit.SECONDS));
        assertTrue(registry.resyncProblem().orElseThrow().contains("system or reporting"),
                registry.resyncProblem().orElseThrow());
    }

    @Test
    void nextResyncCompletesWithTheChannelsOfTheNewConnection() throws Exception {
        String before = "amicus-test-" + UUID.randomUUID();
        try (RawAmi pbx = new RawAmi()) {
            pbx.send("Originate", "Channel", "Local/900@" + TestPbx.CONTEXT, "Application", "Wait", "Data", "30",
                    "Async", "true", "ChannelId", before);
            pbx.awaitEvent("OriginateResponse", "Uniqueid", before);
        }
        CompletableFuture<ChannelSnapshot> resynced = registry.nextResync();

        connectAsDesktop();

        Channel call = resynced.get(15, TimeUnit.SECONDS).byUniqueId(before)
                .orElseThrow(() -> new AssertionError("the call made before connecting is listed"));
        connection.send(new HangupAction(call.name()), TIMEOUT).get(15, TimeUnit.SECONDS);
    }

    @Test
    void nextResyncFailsWhenTheUserMayNotListChannels() throws Exception {
        CompletableFuture<ChannelSnapshot> resynced = registry.nextResync();

        connection.connect(TestPbx.restricted(), TestPbx.RESTRICTED_SECRET).get(15, TimeUnit.SECONDS);

        ExecutionException failure = assertThrows(ExecutionException.class, () -> resynced.get(15, TimeUnit.SECONDS));
        assertEquals("CoreShowChannels",
                assertInstanceOf(AmiPermissionException.class, failure.getCause()).action());
    }

    /** A customer (105) calls this extension of the test PBX; returns the customer's channel id. */
    private String customerCalls(String exten) throws Exception {
        OriginateOutcome dialling = connection.originate(OriginateRequest.call("PJSIP/105")
                .toExtension(TestPbx.CONTEXT, exten, 1).callerId("\"Customer\" <105>").build())
                .get(30, TimeUnit.SECONDS);
        assertEquals(Result.ANSWERED, dialling.result(), dialling.describe());
        return dialling.channelId();
    }

    private static String customerName(ChannelSnapshot snapshot, String customer) {
        return snapshot.byUniqueId(customer).map(Channel::name).orElse("");
    }

    /** Hangs up the customer, and waits until the call is gone, so that the next test finds no channel of this one. */
    private void hangUpAndAwaitTheEnd(String customer) throws Exception {
        connection.send(new HangupAction(customer), TIMEOUT).get(15, TimeUnit.SECONDS);
        watcher.await(s -> s.channels().stream().noneMatch(c -> c.linkedId().equals(customer)), TIMEOUT,
                "the call is gone");
    }
}

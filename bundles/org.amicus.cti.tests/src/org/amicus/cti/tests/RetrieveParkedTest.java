package org.amicus.cti.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.amicus.ami.AmiEvent;
import org.amicus.ami.OriginateOutcome;
import org.amicus.ami.OriginateOutcome.Result;
import org.amicus.cti.AgentProfile;
import org.amicus.cti.AutoAnswer;
import org.amicus.cti.ChannelRegistry;
import org.amicus.cti.CtiActions;
import org.amicus.cti.CtiException;
import org.amicus.cti.ParkOutcome;
import org.amicus.cti.ParkedCall;
import org.amicus.cti.ParkedCallListener;
import org.amicus.cti.ParkedCalls;
import org.amicus.testing.AgainstTestPbx;
import org.amicus.testing.RegistryWatcher;
import org.amicus.testing.SipCall;
import org.amicus.testing.TestPbx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Retrieving a parked call to my phone, as the desktop does it with its own rights: a call talks to 108 (which answers
 * by itself), 108 parks the other party, and another agent's phone takes it back from the space; the PBX's
 * {@code UnParkedCall} by that phone is the evidence.
 */
class RetrieveParkedTest extends AgainstTestPbx {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final BlockingQueue<List<ParkedCall>> changes = new LinkedBlockingQueue<>();
    private final ParkedCallListener listener = changes::add;
    private RegistryWatcher watcher;
    private CtiActions actions;
    private ParkedCalls parkedCalls;

    @BeforeEach
    void watch() throws Exception {
        watcher = new RegistryWatcher(services.get(ChannelRegistry.class));
        actions = services.get(CtiActions.class);
        parkedCalls = services.get(ParkedCalls.class);
        parkedCalls.addListener(listener);
        CompletableFuture<?> parkedListed = parkedCalls.nextResync();
        CompletableFuture<?> channelsListed = services.get(ChannelRegistry.class).nextResync();
        connectAsDesktop();
        parkedListed.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        channelsListed.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    @AfterEach
    void stopWatching() {
        parkedCalls.removeListener(listener);
        watcher.close();
    }

    @Test
    void aCustomerParkedFromTheTrunkIsRetrievedToMyPhone() throws Exception {
        try (SipCall customer = SipCall.customerCalls(SipCall.directLine("108"), "0611000081", "Ida Quinn")) {
            String parked = parkedFrom108(customer);
            ParkedCall call = awaitParked(parked);

            OriginateOutcome outcome = actions.as(agent("PJSIP/105")).retrieveParked(call.space())
                    .get(30, TimeUnit.SECONDS);

            AmiEvent unparked = events.await("UnParkedCall",
                    e -> e.get("ParkeeChannel").orElse("").equals(parked), TIMEOUT);
            assertEquals(Result.ANSWERED, outcome.result(), outcome::toString);
            assertEquals(outcome.channelId(), unparked.get("RetrieverUniqueid").orElseThrow());
            assertEquals(call.space(), unparked.get("ParkingSpace").orElseThrow());
            watcher.await(s -> s.byName(parked).map(c -> c.bridgedWith().startsWith("PJSIP/105-")).orElse(false),
                    TIMEOUT, "the customer talks to 105");
            awaitChange(now -> now.stream().noneMatch(c -> c.channel().equals(parked)));
        }
    }

    @Test
    void aColleagueParkedFromItsOwnCallIsRetrievedToMyPhone() throws Exception {
        try (SipCall colleague = SipCall.phoneDials("106", "108")) {
            String parked = parkedFrom108(colleague);
            ParkedCall call = awaitParked(parked);

            OriginateOutcome outcome = actions.as(agent("PJSIP/105")).retrieveParked(call.space())
                    .get(30, TimeUnit.SECONDS);

            AmiEvent unparked = events.await("UnParkedCall",
                    e -> e.get("ParkeeChannel").orElse("").equals(parked), TIMEOUT);
            assertEquals(Result.ANSWERED, outcome.result(), outcome::toString);
            assertEquals(outcome.channelId(), unparked.get("RetrieverUniqueid").orElseThrow());
        }
    }

    @Test
    void whenTwoPhonesRetrieveTheSameCallOnlyOneGetsIt() throws Exception {
        try (SipCall customer = SipCall.customerCalls(SipCall.directLine("108"), "0611000082", "Jon Ruiz")) {
            String parked = parkedFrom108(customer);
            ParkedCall call = awaitParked(parked);

            CompletableFuture<OriginateOutcome> by105 = actions.as(agent("PJSIP/105")).retrieveParked(call.space());
            CompletableFuture<OriginateOutcome> by106 = actions.as(agent("PJSIP/106")).retrieveParked(call.space());
            OriginateOutcome first = by105.get(30, TimeUnit.SECONDS);
            OriginateOutcome second = by106.get(30, TimeUnit.SECONDS);

            AmiEvent unparked = events.await("UnParkedCall",
                    e -> e.get("ParkeeChannel").orElse("").equals(parked), TIMEOUT);
            OriginateOutcome winner = first.channelId().equals(unparked.get("RetrieverUniqueid").orElseThrow())
                    ? first : second;
            OriginateOutcome loser = winner == first ? second : first;
            assertEquals(Result.ANSWERED, winner.result(), winner::toString);
            assertEquals(Result.ACTION_FAILED, loser.result(), loser::toString);
            assertEquals("nothing was retrieved: no call waited in space " + call.space() + " any more",
                    loser.detail());
        }
    }

    @Test
    void aBusyPhoneLeavesTheCallParked() throws Exception {
        try (SipCall customer = SipCall.customerCalls(SipCall.directLine("108"), "0611000083", "Kim Stone")) {
            String parked = parkedFrom108(customer);
            ParkedCall call = awaitParked(parked);

            OriginateOutcome outcome = actions.as(agent("PJSIP/110")).retrieveParked(call.space())
                    .get(30, TimeUnit.SECONDS);

            assertEquals(Result.FAILED, outcome.result(), outcome::toString);
            assertTrue(events.all(e -> e.name().equals("UnParkedCall")
                    && e.get("ParkeeChannel").orElse("").equals(parked)).isEmpty(), "nothing was retrieved");
            assertEquals(parked, parkedCalls.inSpace(call.space()).map(ParkedCall::channel).orElse(""),
                    "the call still waits in its space");
        }
    }

    @Test
    void anEmptySpaceIsRefusedBeforeMyPhoneRings() {
        ExecutionException refused = assertThrows(ExecutionException.class,
                () -> actions.as(agent("PJSIP/105")).retrieveParked("820").get(15, TimeUnit.SECONDS));
        assertInstanceOf(CtiException.class, refused.getCause());
        assertEquals("No call is parked in space 820", refused.getCause().getMessage());
        assertTrue(events.all(e -> e.name().equals("Newchannel")
                && e.get("Channel").orElse("").startsWith("PJSIP/105-")).isEmpty(), "my phone did not ring");
    }

    /** 108 answers the call and parks the other party: the parked channel's name. */
    private String parkedFrom108(SipCall call) throws Exception {
        String other = events.await("BridgeEnter", e -> e.get("CallerIDNum").orElse("").equals(call.caller()),
                TIMEOUT).get("Channel").orElseThrow();
        watcher.await(s -> s.byName(other).map(c -> c.bridgedWith().startsWith("PJSIP/108-")).orElse(false),
                TIMEOUT, "108 talks to " + call.caller());
        ParkOutcome parked = actions.as(agent("PJSIP/108")).park().get(15, TimeUnit.SECONDS);
        assertEquals(ParkOutcome.Result.PARKED, parked.result(), parked::toString);
        return other;
    }

    private ParkedCall awaitParked(String channel) throws InterruptedException {
        return awaitChange(now -> now.stream().anyMatch(c -> c.channel().equals(channel))).stream()
                .filter(c -> c.channel().equals(channel)).findFirst().orElseThrow();
    }

    /** The parked calls once they show what is expected, read afresh at each change the service tells. */
    private List<ParkedCall> awaitChange(Predicate<List<ParkedCall>> expected) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        List<ParkedCall> now = parkedCalls.parked();
        while (!expected.test(now)) {
            if (changes.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS) == null) {
                throw new AssertionError("the parked calls never showed what was expected: " + now);
            }
            now = parkedCalls.parked();
        }
        return now;
    }

    private static AgentProfile agent(String device) {
        return new AgentProfile(device, AutoAnswer.CALL_INFO, TestPbx.CONTEXT, Duration.ofSeconds(20), "");
    }
}

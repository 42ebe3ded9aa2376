package org.amicus.cti.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.amicus.cti.ParkedCall;
import org.amicus.cti.ParkedCallListener;
import org.amicus.cti.ParkedCalls;
import org.amicus.cti.Party;
import org.amicus.testing.AgainstTestPbx;
import org.amicus.testing.RawAmi;
import org.amicus.testing.SipCall;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The parked calls as the PBX reports them: a customer over the trunk talks to 108 (which answers by itself) and is
 * parked with the PBX's own {@code Park} action, sent by an administrator's connection; the {@code ParkedCall} and
 * {@code ParkedCallGiveUp} events another one observes are what the service must show.
 */
class ParkedCallsTest extends AgainstTestPbx {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final BlockingQueue<List<ParkedCall>> changes = new LinkedBlockingQueue<>();
    private final ParkedCallListener listener = changes::add;
    private ParkedCalls parkedCalls;

    @BeforeEach
    void listen() throws Exception {
        parkedCalls = services.get(ParkedCalls.class);
        parkedCalls.addListener(listener);
    }

    @AfterEach
    void stopListening() {
        parkedCalls.removeListener(listener);
    }

    @Test
    void aParkedCustomerIsShownInItsSpaceUntilItHangsUp() throws Exception {
        connectWithFullRights();
        try (RawAmi pbx = new RawAmi(); RawAmi admin = new RawAmi();
                SipCall customer = SipCall.customerCalls(SipCall.directLine("108"), "0611000071", "Uma Reed")) {
            String trunk = talkingTo108(pbx, customer);
            Instant parkedAround = Instant.now().truncatedTo(ChronoUnit.SECONDS);

            admin.send("Park", "Channel", trunk);

            Map<String, String> parked = pbx.awaitEvent("ParkedCall", "ParkeeChannel", trunk);
            List<ParkedCall> shown = awaitChange(now -> now.stream().anyMatch(c -> c.channel().equals(trunk)));
            ParkedCall call = shown.stream().filter(c -> c.channel().equals(trunk)).findFirst().orElseThrow();
            assertEquals(parked.get("ParkingSpace"), call.space());
            assertEquals("default", call.lot());
            assertEquals(new Party("0611000071", "Uma Reed"), call.caller());
            assertEquals(parked.get("ParkerDialString"), call.parkedBy());
            assertTrue(!call.since().isBefore(parkedAround.minusSeconds(1)), call::toString);
            assertEquals(call, parkedCalls.inSpace(call.space()).orElseThrow());

            customer.close();

            pbx.awaitEvent("ParkedCallGiveUp", "ParkeeChannel", trunk);
            awaitChange(now -> now.stream().noneMatch(c -> c.channel().equals(trunk)));
        }
    }

    @Test
    void theFirstListingHasTheCallsAlreadyParked() throws Exception {
        try (RawAmi pbx = new RawAmi(); RawAmi admin = new RawAmi();
                SipCall customer = SipCall.customerCalls(SipCall.directLine("108"), "0611000072", "Eli Stone")) {
            String trunk = talkingTo108(pbx, customer);
            admin.send("Park", "Channel", trunk);
            String space = pbx.awaitEvent("ParkedCall", "ParkeeChannel", trunk).get("ParkingSpace");
            var listed = parkedCalls.nextResync();

            connectWithFullRights();

            List<ParkedCall> parked = listed.get(15, TimeUnit.SECONDS);
            assertEquals(List.of(trunk), parked.stream().filter(c -> c.space().equals(space))
                    .map(ParkedCall::channel).toList(), parked::toString);
        }
    }

    /** The trunk's channel once 108 has answered the customer. */
    private static String talkingTo108(RawAmi pbx, SipCall customer) throws Exception {
        Map<String, String> entered = pbx.awaitEvent("BridgeEnter", "CallerIDNum", customer.caller());
        if (!"2".equals(entered.get("BridgeNumChannels"))) { // 108 enters after the customer
            pbx.awaitEvent("BridgeEnter", "BridgeUniqueid", entered.get("BridgeUniqueid"));
        }
        return entered.get("Channel");
    }

    private List<ParkedCall> awaitChange(Predicate<List<ParkedCall>> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        List<ParkedCall> now = parkedCalls.parked();
        while (!wanted.test(now)) {
            now = changes.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (now == null) {
                throw new AssertionError("parked calls not as wanted within " + TIMEOUT + ": " + parkedCalls.parked());
            }
        }
        return now;
    }
}

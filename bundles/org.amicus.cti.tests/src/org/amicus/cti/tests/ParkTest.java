package org.amicus.cti.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.amicus.ami.AmiEvent;
import org.amicus.cti.AgentProfile;
import org.amicus.cti.AutoAnswer;
import org.amicus.cti.Channel;
import org.amicus.cti.ChannelRegistry;
import org.amicus.cti.CtiActions;
import org.amicus.cti.CtiException;
import org.amicus.cti.ParkOutcome;
import org.amicus.testing.AgainstTestPbx;
import org.amicus.testing.RegistryWatcher;
import org.amicus.testing.SipCall;
import org.amicus.testing.TestPbx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Parking my call, as an agent does it: a customer over the trunk talks to my phone (108, which answers by itself),
 * and I park the customer; the PBX's {@code ParkedCall} event is the evidence.
 */
class ParkTest extends AgainstTestPbx {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private RegistryWatcher watcher;
    private CtiActions actions;

    @BeforeEach
    void watch() throws Exception {
        watcher = new RegistryWatcher(services.get(ChannelRegistry.class));
        actions = services.get(CtiActions.class);
        connectWithFullRights();
    }

    @AfterEach
    void stopWatching() {
        watcher.close();
    }

    @Test
    void parkingMyCallPutsTheCustomerInASpaceOfTheLot() throws Exception {
        try (SipCall customer = SipCall.customerCalls(SipCall.directLine("108"), "0611000051", "Lea Park")) {
            Channel trunk = talkingTo(customer, "PJSIP/108");

            ParkOutcome outcome = actions.as(agent("PJSIP/108")).park().get(15, TimeUnit.SECONDS);

            AmiEvent parked = events.await("ParkedCall",
                    e -> e.get("ParkeeChannel").orElse("").equals(trunk.name()), TIMEOUT);
            String space = parked.get("ParkingSpace").orElseThrow();
            assertEquals("PJSIP/108", parked.get("ParkerDialString").orElseThrow(), "a timeout rings my phone back");
            assertEquals(new ParkOutcome(ParkOutcome.Result.PARKED, trunk.name(), space, ""), outcome);
            int number = Integer.parseInt(space);
            assertTrue(number >= 801 && number <= 820, "space " + space + " is in the lot 801-820");
            watcher.await(s -> s.channels().stream().noneMatch(c -> c.device().equals("PJSIP/108")), TIMEOUT,
                    "my phone has left the call");
        }
    }

    @Test
    void withoutAnAnsweredCallThereIsNothingToPark() {
        ExecutionException refused = assertThrows(ExecutionException.class,
                () -> actions.as(agent("PJSIP/106")).park().get(15, TimeUnit.SECONDS));
        assertInstanceOf(CtiException.class, refused.getCause());
        assertEquals("My phone PJSIP/106 has no answered call", refused.getCause().getMessage());
    }

    /** The customer's channel once my phone has answered it and both are in the PBX's bridge of their call. */
    private Channel talkingTo(SipCall customer, String myPhone) throws InterruptedException {
        String trunk = events.await("BridgeEnter", e -> e.get("CallerIDNum").orElse("").equals(customer.caller()),
                TIMEOUT).get("Channel").orElseThrow();
        events.await("BridgeEnter", e -> e.get("Channel").orElse("").startsWith(myPhone + "-")
                && e.get("ConnectedLineNum").orElse("").equals(customer.caller()), TIMEOUT);
        return watcher.await(s -> s.byName(trunk).map(Channel::bridgedWith).orElse("").startsWith(myPhone + "-"),
                TIMEOUT, myPhone + " talks to " + customer.caller()).byName(trunk).orElseThrow();
    }

    private static AgentProfile agent(String device) {
        return new AgentProfile(device, AutoAnswer.CALL_INFO, TestPbx.CONTEXT, Duration.ofSeconds(20), "");
    }
}

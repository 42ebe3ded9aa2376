package org.amicus.cti.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.amicus.cti.Channel;
import org.amicus.cti.ChannelRegistry;
import org.amicus.cti.ChannelSnapshot;
import org.amicus.cti.ChannelState;
import org.amicus.testing.AgainstTestPbx;
import org.amicus.testing.RegistryWatcher;
import org.amicus.testing.SipCall;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * On calls that start as in production (a customer over the trunk, a phone dialling another), only the phone being
 * rung rings (Ringing, 5); the calling side waits in Ring (4) and is no ringing call.
 */
class RingingTest extends AgainstTestPbx {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private RegistryWatcher watcher;

    @BeforeEach
    void watch() throws Exception {
        watcher = new RegistryWatcher(services.get(ChannelRegistry.class));
        connectWithFullRights();
    }

    @AfterEach
    void stopWatching() {
        watcher.close();
    }

    @Test
    void aCustomerCallingTheSupportQueueRingsTheAgentsPhoneNotTheTrunk() throws Exception {
        try (SipCall customer = SipCall.customerCalls(SipCall.SUPPORT_DID, "0611000001", "Alice Martin")) {
            assertOnlyTheCalleeRings(customer, "PJSIP/104");
        }
    }

    @Test
    void aCustomerCallingADirectLineRingsThatPhoneOnly() throws Exception {
        try (SipCall customer = SipCall.customerCalls(SipCall.directLine("104"), "0611000002", "Bob Keller")) {
            assertOnlyTheCalleeRings(customer, "PJSIP/104");
        }
    }

    @Test
    void aPhoneDiallingAnotherRingsTheCalleeNotTheCaller() throws Exception {
        try (SipCall phone = SipCall.phoneDials("105", "104")) {
            assertOnlyTheCalleeRings(phone, "PJSIP/104");
        }
    }

    private void assertOnlyTheCalleeRings(SipCall call, String callee) throws InterruptedException {
        ChannelSnapshot ringing = watcher.await(s -> call.leg(s, callee).map(Channel::state)
                .filter(ChannelState.RINGING::equals).isPresent(), TIMEOUT, callee + " rings for " + call.caller());
        Channel calling = call.calling(ringing).orElseThrow();
        assertEquals(ChannelState.RING, calling.state(), calling.toString());
        assertFalse(calling.isRinging(), "the calling side does not ring: " + calling);
        assertTrue(call.leg(ringing, callee).orElseThrow().isRinging());
    }
}

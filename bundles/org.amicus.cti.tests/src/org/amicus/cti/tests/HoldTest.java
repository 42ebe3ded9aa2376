package org.amicus.cti.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.amicus.ami.AmiEvent;
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
 * A call put on hold and taken back by the phone that holds it (a re-INVITE with {@code sendonly}, then
 * {@code sendrecv}), on calls phones dial themselves and calls over the trunk: the registry shows the holding channel on
 * hold from the PBX's {@code Hold} until its {@code Unhold}, as the desktop's own connection sees them.
 */
class HoldTest extends AgainstTestPbx {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private RegistryWatcher watcher;

    @BeforeEach
    void watch() throws Exception {
        ChannelRegistry registry = services.get(ChannelRegistry.class);
        watcher = new RegistryWatcher(registry);
        CompletableFuture<?> listed = registry.nextResync();
        connectAsDesktop();
        listed.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    @AfterEach
    void stopWatching() {
        watcher.close();
    }

    @Test
    void aPhoneHoldsItsCallToAColleague() throws Exception {
        try (SipCall call = SipCall.phoneDialsAndHolds("106", "108")) {
            holdAndTakeBack(call);
        }
    }

    @Test
    void aPhoneHoldsItsCallToACustomerOverTheTrunk() throws Exception {
        try (SipCall call = SipCall.phoneDialsAndHolds("105", "0612000091")) {
            holdAndTakeBack(call);
        }
    }

    @Test
    void aCustomerCallingInOverTheTrunkHoldsTheCall() throws Exception {
        try (SipCall call = SipCall.customerCallsAndHolds(SipCall.directLine("108"), "0611000092", "Mia Holt")) {
            holdAndTakeBack(call);
        }
    }

    /** The calling channel shows on hold with the PBX's Hold, and no longer with its Unhold; the other leg never. */
    private void holdAndTakeBack(SipCall call) throws InterruptedException {
        Channel calling = call.calling(watcher.await(
                s -> call.calling(s).map(c -> c.state() == ChannelState.UP && !c.bridgedWith().isEmpty())
                        .orElse(false), TIMEOUT, call.caller() + "'s call is answered")).orElseThrow();
        AmiEvent hold = events.await("Hold", e -> e.get("Uniqueid").orElse("").equals(calling.uniqueId()), TIMEOUT);
        assertEquals(calling.name(), hold.get("Channel").orElseThrow());
        ChannelSnapshot onHold = watcher.await(
                s -> s.byUniqueId(calling.uniqueId()).map(Channel::onHold).orElse(false), TIMEOUT,
                calling.name() + " on hold");
        String heldParty = onHold.byUniqueId(calling.uniqueId()).orElseThrow().bridgedWith();
        assertFalse(onHold.byName(heldParty).orElseThrow().onHold(), heldParty + " is held, not holding");

        events.await("Unhold", e -> e.get("Uniqueid").orElse("").equals(calling.uniqueId()), TIMEOUT);
        watcher.await(s -> s.byUniqueId(calling.uniqueId()).map(c -> !c.onHold()).orElse(false), TIMEOUT,
                calling.name() + " taken off hold");
    }
}

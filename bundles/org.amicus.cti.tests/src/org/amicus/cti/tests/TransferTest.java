package org.amicus.cti.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.amicus.cti.AgentProfile;
import org.amicus.cti.AutoAnswer;
import org.amicus.cti.Channel;
import org.amicus.cti.ChannelRegistry;
import org.amicus.cti.CtiActions;
import org.amicus.cti.CtiException;
import org.amicus.cti.TransferOutcome;
import org.amicus.testing.AgainstTestPbx;
import org.amicus.testing.RegistryWatcher;
import org.amicus.testing.SipCall;
import org.amicus.testing.TestPbx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Blind transfer of my call, as an agent does it: a customer over the trunk talks to my phone (108, which answers by
 * itself), and I send the customer on; the PBX's {@code BlindTransfer} event is the evidence.
 */
class TransferTest extends AgainstTestPbx {

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
    void aBlindTransferSendsTheCustomerOnToAColleague() throws Exception {
        try (SipCall customer = SipCall.customerCalls(SipCall.directLine("108"), "0611000041", "Ida Moss")) {
            Channel trunk = talkingTo(customer, "PJSIP/108");

            TransferOutcome outcome = actions.as(agent("PJSIP/108")).blindTransfer("106").get(15, TimeUnit.SECONDS);

            assertEquals(new TransferOutcome(TransferOutcome.Result.TRANSFERRED, trunk.name(), "106@amicus", ""),
                    outcome);
            events.await("BlindTransfer", e -> e.get("Result").orElse("").equals("Success")
                    && e.get("TransfereeChannel").orElse("").equals(trunk.name()), TIMEOUT);
            watcher.await(s -> s.byUniqueId(trunk.uniqueId()).map(Channel::bridgedWith).orElse("")
                    .startsWith("PJSIP/106-"), TIMEOUT, "the customer talks to 106");
            watcher.await(s -> s.channels().stream().noneMatch(c -> c.device().equals("PJSIP/108")), TIMEOUT,
                    "my phone has left the call");
        }
    }

    @Test
    void aNumberThePbxDoesNotHaveIsRefusedAndTheCustomerStaysWithMe() throws Exception {
        try (SipCall customer = SipCall.customerCalls(SipCall.directLine("108"), "0611000042", "Kai Dunn")) {
            Channel trunk = talkingTo(customer, "PJSIP/108");

            ExecutionException refused = assertThrows(ExecutionException.class,
                    () -> actions.as(agent("PJSIP/108")).blindTransfer("999").get(15, TimeUnit.SECONDS));

            assertInstanceOf(CtiException.class, refused.getCause());
            assertEquals("The PBX has no 999 in amicus: nothing was transferred", refused.getCause().getMessage());
            assertTrue(events.all(e -> e.name().equals("BlindTransfer")).isEmpty(), "no transfer was tried");
            assertTrue(services.get(ChannelRegistry.class).snapshot().byUniqueId(trunk.uniqueId()).map(Channel::bridgedWith).orElse("")
                    .startsWith("PJSIP/108-"), "the customer still talks to me");
        }
    }

    @Test
    void withoutAnAnsweredCallThereIsNothingToTransfer() throws Exception {
        watcher.await(s -> s.channels().stream().noneMatch(c -> c.device().equals("PJSIP/106")), TIMEOUT,
                "106 is done with an earlier test's call");
        ExecutionException refused = assertThrows(ExecutionException.class,
                () -> actions.as(agent("PJSIP/106")).blindTransfer("105").get(15, TimeUnit.SECONDS));
        assertInstanceOf(CtiException.class, refused.getCause());
        assertEquals("My phone PJSIP/106 has no answered call", refused.getCause().getMessage());
    }

    @Test
    void aBadNumberIsRefusedBeforeAnythingIsSent() {
        ExecutionException refused = assertThrows(ExecutionException.class,
                () -> actions.as(agent("PJSIP/108")).blindTransfer("10 6").get(15, TimeUnit.SECONDS));
        assertInstanceOf(CtiException.class, refused.getCause());
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

package org.amicus.cti.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.amicus.cti.AgentProfile;
import org.amicus.cti.AttendedTransferOutcome;
import org.amicus.cti.AttendedTransferOutcome.Result;
import org.amicus.cti.AutoAnswer;
import org.amicus.cti.Channel;
import org.amicus.cti.ChannelRegistry;
import org.amicus.cti.ChannelState;
import org.amicus.cti.Consultation;
import org.amicus.cti.CtiActions;
import org.amicus.cti.CtiException;
import org.amicus.testing.AgainstTestPbx;
import org.amicus.testing.RegistryWatcher;
import org.amicus.testing.SipCall;
import org.amicus.testing.TestPbx;
import org.asteriskjava.manager.action.HangupAction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Attended transfer of my call, as an agent does it: my phone (108, which answers by itself) talks to a customer over
 * the trunk or to a colleague's phone, I consult another colleague, then complete or cancel; the PBX's
 * {@code AttendedTransfer} event, or my channel back in the call's bridge, is the evidence.
 */
class AttendedTransferTest extends AgainstTestPbx {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private RegistryWatcher watcher;
    private CtiActions actions;

    @BeforeEach
    void watch() throws Exception {
        watcher = new RegistryWatcher(services.get(ChannelRegistry.class));
        actions = services.get(CtiActions.class);
        connectAsDesktop(); // the desktop user may Atxfer and hang up (write class call)
        watcher.await(s -> s.channels().stream().noneMatch(c -> c.device().equals("PJSIP/108")
                || c.device().equals("PJSIP/106")), TIMEOUT, "108 and 106 are done with earlier tests' calls");
    }

    /**
     * A consultation a failed test left behind would outlive the customer's call: my phone never hangs up itself, and
     * 104 rings for a minute.
     */
    @AfterEach
    void hangUpMyPhone() throws Exception {
        watcher.close();
        for (Channel mine : services.get(ChannelRegistry.class).snapshot().channels()) {
            if (mine.device().equals("PJSIP/108") || mine.device().equals("PJSIP/104")) {
                connection.send(new HangupAction(mine.name()), TIMEOUT).exceptionally(gone -> null)
                        .get(15, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void completingHandsTheCustomerToTheColleagueIConsulted() throws Exception {
        try (SipCall customer = SipCall.customerCalls(SipCall.directLine("108"), "0611000051", "Lea Hart")) {
            Channel trunk = talkingTo(customer, "PJSIP/108");

            Consultation consultation = actions.as(agent("PJSIP/108")).attendedTransfer("106")
                    .get(15, TimeUnit.SECONDS);
            assertEquals(trunk.name(), consultation.transferee());
            watcher.await(s -> s.channels().stream().anyMatch(c -> c.device().equals("PJSIP/108")
                    && s.byName(c.bridgedWith()).filter(target -> target.name().startsWith("Local/106@amicus-")
                            && target.state() == ChannelState.UP).isPresent()), TIMEOUT,
                    "106 answered my consultation");
            AttendedTransferOutcome outcome = consultation.complete().get(15, TimeUnit.SECONDS);

            assertEquals(new AttendedTransferOutcome(Result.TRANSFERRED, trunk.name(), "106@amicus", ""), outcome);
            events.await("AttendedTransfer", e -> e.get("Result").orElse("").equals("Success")
                    && e.get("OrigTransfererChannel").orElse("").startsWith("PJSIP/108-"), TIMEOUT);
            watcher.await(s -> s.byUniqueId(trunk.uniqueId()).map(Channel::bridgedWith).orElse("")
                    .matches("(PJSIP/106-|Local/106@amicus-).*"), TIMEOUT, "the customer talks to 106");
            watcher.await(s -> s.channels().stream().noneMatch(c -> c.device().equals("PJSIP/108")), TIMEOUT,
                    "my phone has left the call");
        }
    }

    @Test
    void cancellingTakesMeBackToTheColleagueWhoCalledMe() throws Exception {
        try (SipCall colleague = SipCall.phoneDials("105", "108")) {
            Channel caller = talkingTo(colleague, "PJSIP/108");

            Consultation consultation = actions.as(agent("PJSIP/108")).attendedTransfer("106")
                    .get(15, TimeUnit.SECONDS);
            ExecutionException refused = assertThrows(ExecutionException.class,
                    () -> actions.as(agent("PJSIP/108")).attendedTransfer("104").get(15, TimeUnit.SECONDS));
            assertEquals("My call is in a consultation already: complete or cancel it first",
                    refused.getCause().getMessage());
            AttendedTransferOutcome outcome = consultation.cancel().get(15, TimeUnit.SECONDS);

            assertEquals(new AttendedTransferOutcome(Result.RETURNED, caller.name(), "106@amicus", "cancelled"),
                    outcome);
            events.await("Unhold", e -> e.get("Channel").orElse("").startsWith("PJSIP/108-"), TIMEOUT);
            assertTrue(events.all(e -> e.name().equals("AttendedTransfer")).isEmpty(), "nothing was transferred");
            watcher.await(s -> s.byUniqueId(caller.uniqueId()).map(Channel::bridgedWith).orElse("")
                    .startsWith("PJSIP/108-"), TIMEOUT, "105 talks to me again");
            assertEquals(outcome, consultation.outcome().getNow(null));
        }
    }

    @Test
    void whileTheColleagueStillRingsMyCallIsInAConsultationAlready() throws Exception {
        try (SipCall customer = SipCall.customerCalls(SipCall.directLine("108"), "0611000054", "Ida Moe")) {
            Channel trunk = talkingTo(customer, "PJSIP/108");

            Consultation consultation = actions.as(agent("PJSIP/108")).attendedTransfer("104") // rings, never answers
                    .get(15, TimeUnit.SECONDS);
            watcher.await(s -> s.channels().stream().anyMatch(c -> c.device().equals("PJSIP/104")
                    && c.state() == ChannelState.RINGING), TIMEOUT, "104 rings");
            for (String number : new String[] { "106", "104" }) {
                ExecutionException refused = assertThrows(ExecutionException.class,
                        () -> actions.as(agent("PJSIP/108")).attendedTransfer(number).get(15, TimeUnit.SECONDS));
                assertEquals("My call is in a consultation already: complete or cancel it first",
                        refused.getCause().getMessage());
            }
            ExecutionException blind = assertThrows(ExecutionException.class,
                    () -> actions.as(agent("PJSIP/108")).blindTransfer("106").get(15, TimeUnit.SECONDS));
            assertEquals("My call is in a consultation already: complete or cancel it first",
                    blind.getCause().getMessage());

            assertEquals(new AttendedTransferOutcome(Result.RETURNED, trunk.name(), "104@amicus", "cancelled"),
                    consultation.cancel().get(15, TimeUnit.SECONDS));
            watcher.await(s -> s.channels().stream().noneMatch(c -> c.device().equals("PJSIP/104")), TIMEOUT,
                    "104 rings no more");
            watcher.await(s -> s.byUniqueId(trunk.uniqueId()).map(Channel::bridgedWith).orElse("")
                    .startsWith("PJSIP/108-"), TIMEOUT, "the customer talks to me again");
        }
    }

    @Test
    void aBusyColleagueSendsTheCustomerBackToMe() throws Exception {
        try (SipCall customer = SipCall.customerCalls(SipCall.directLine("108"), "0611000052", "Ola Berg")) {
            Channel trunk = talkingTo(customer, "PJSIP/108");

            Consultation consultation = actions.as(agent("PJSIP/108")).attendedTransfer("110")
                    .get(15, TimeUnit.SECONDS);
            AttendedTransferOutcome outcome = consultation.outcome().get(15, TimeUnit.SECONDS);

            assertEquals(new AttendedTransferOutcome(Result.RETURNED, trunk.name(), "110@amicus",
                    "110@amicus did not take the call"), outcome);
            assertTrue(events.all(e -> e.name().equals("AttendedTransfer")).isEmpty(), "nothing was transferred");
            watcher.await(s -> s.byUniqueId(trunk.uniqueId()).map(Channel::bridgedWith).orElse("")
                    .startsWith("PJSIP/108-"), TIMEOUT, "the customer talks to me again");
            assertEquals(outcome, consultation.complete().get(15, TimeUnit.SECONDS), "nothing left to complete");

            // at once a new consultation, while the PBX still plays my phone its error tone: it begins all the same
            Consultation again = actions.as(agent("PJSIP/108")).attendedTransfer("106").get(15, TimeUnit.SECONDS);
            assertEquals(new AttendedTransferOutcome(Result.RETURNED, trunk.name(), "106@amicus", "cancelled"),
                    again.cancel().get(15, TimeUnit.SECONDS));
        }
    }

    @Test
    void aNumberThePbxDoesNotHaveIsRefusedBeforeAnythingIsSent() throws Exception {
        try (SipCall customer = SipCall.customerCalls(SipCall.directLine("108"), "0611000053", "Per Lund")) {
            Channel trunk = talkingTo(customer, "PJSIP/108");

            ExecutionException refused = assertThrows(ExecutionException.class,
                    () -> actions.as(agent("PJSIP/108")).attendedTransfer("999").get(15, TimeUnit.SECONDS));

            assertInstanceOf(CtiException.class, refused.getCause());
            assertEquals("The PBX has no 999 in amicus: nothing was transferred", refused.getCause().getMessage());
            assertTrue(events.all(e -> e.name().equals("Hold")).isEmpty(), "nobody was put on hold");
            assertTrue(services.get(ChannelRegistry.class).snapshot().byUniqueId(trunk.uniqueId())
                    .map(Channel::bridgedWith).orElse("").startsWith("PJSIP/108-"), "the customer still talks to me");
        }
    }

    @Test
    void withoutAnAnsweredCallThereIsNobodyToConsultFor() {
        ExecutionException refused = assertThrows(ExecutionException.class,
                () -> actions.as(agent("PJSIP/106")).attendedTransfer("105").get(15, TimeUnit.SECONDS));
        assertInstanceOf(CtiException.class, refused.getCause());
        assertEquals("My phone PJSIP/106 has no answered call", refused.getCause().getMessage());
    }

    /** The calling channel once my phone has answered it and both are in the PBX's bridge of their call. */
    private Channel talkingTo(SipCall call, String myPhone) throws InterruptedException {
        String calling = events.await("BridgeEnter", e -> e.get("CallerIDNum").orElse("").equals(call.caller())
                && !e.get("Channel").orElse("").startsWith(myPhone + "-"), TIMEOUT).get("Channel").orElseThrow();
        events.await("BridgeEnter", e -> e.get("Channel").orElse("").startsWith(myPhone + "-")
                && e.get("ConnectedLineNum").orElse("").equals(call.caller()), TIMEOUT);
        return watcher.await(s -> s.byName(calling).map(Channel::bridgedWith).orElse("").startsWith(myPhone + "-"),
                TIMEOUT, myPhone + " talks to " + call.caller()).byName(calling).orElseThrow();
    }

    private static AgentProfile agent(String device) {
        return new AgentProfile(device, AutoAnswer.CALL_INFO, TestPbx.CONTEXT, Duration.ofSeconds(20), "");
    }
}

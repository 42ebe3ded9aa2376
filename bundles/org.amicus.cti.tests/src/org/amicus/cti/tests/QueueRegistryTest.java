package org.amicus.cti.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.amicus.cti.CallQueue;
import org.amicus.cti.MemberState;
import org.amicus.cti.QueueCaller;
import org.amicus.cti.QueueChange;
import org.amicus.cti.QueueChange.Kind;
import org.amicus.cti.QueueMember;
import org.amicus.cti.QueueRegistry;
import org.amicus.cti.QueueSnapshot;
import org.amicus.testing.AgainstTestPbx;
import org.amicus.testing.QueueWatcher;
import org.amicus.testing.RawAmi;
import org.amicus.testing.SipCall;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The live queues on the real test PBX, with customers calling in over the trunk: support rings only 104, which never
 * answers, so its callers wait; sales is answered by 105 or 106 after 0.5 s.
 */
class QueueRegistryTest extends AgainstTestPbx {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private QueueRegistry registry;
    private QueueWatcher watcher;

    @BeforeEach
    void watch() throws Exception {
        QueueWatcher.resetQueues();
        registry = services.get(QueueRegistry.class);
        watcher = new QueueWatcher(registry);
    }

    @AfterEach
    void stopWatching() {
        watcher.close();
    }

    @Test
    void theFirstListingHasTheQueuesTheirMembersAndTheCallersAlreadyWaiting() throws Exception {
        try (RawAmi pbx = new RawAmi();
                SipCall waiting = SipCall.customerCalls(SipCall.SUPPORT_DID, "0611000001", "Early Caller")) {
            pbx.awaitEvent("QueueCallerJoin", "CallerIDNum", waiting.caller());
            CompletableFuture<QueueSnapshot> listed = registry.nextResync();

            connectAsDesktop();
            QueueSnapshot queues = listed.get(15, TimeUnit.SECONDS);

            CallQueue support = queues.byName("support").orElseThrow();
            assertEquals(List.of("0611000001"), support.callers().stream().map(QueueCaller::callerIdNumber).toList());
            assertEquals(1, support.callers().get(0).position());
            assertTrue(support.longestWait(Instant.now()).compareTo(Duration.ZERO) > 0, support::toString);
            assertTrue(!support.member("PJSIP/104").orElseThrow().dynamic(), support::toString);
            assertEquals(List.of("PJSIP/105", "PJSIP/106"), queues.byName("sales").orElseThrow().members().stream()
                    .filter(QueueMember::loggedIn).map(QueueMember::device).sorted().toList());
            events.await("QueueEntry", e -> e.get("CallerIDNum").orElse("").equals("0611000001"), TIMEOUT);
        }
    }

    @Test
    void callersWaitInOrderAndOneWhoHangsUpIsCountedAbandoned() throws Exception {
        connectAsDesktop();
        int abandonedBefore = support(registry.snapshot()).abandoned();
        try (SipCall first = SipCall.customerCalls(SipCall.SUPPORT_DID, "0611000002", "First Caller");
                SipCall second = SipCall.customerCalls(SipCall.SUPPORT_DID, "0611000003", "Second Caller")) {
            watcher.await(s -> support(s).callers().size() == 2, TIMEOUT, "two callers wait in support");
            String firstToCall = support(registry.snapshot()).callers().get(0).callerIdNumber();
            SipCall hangsUp = firstToCall.equals(first.caller()) ? first : second;
            SipCall stays = hangsUp == first ? second : first;

            hangsUp.close();

            QueueSnapshot after = watcher.await(s -> support(s).callers().size() == 1, TIMEOUT, "one caller left");
            QueueCaller left = support(after).callers().get(0);
            assertEquals(stays.caller(), left.callerIdNumber());
            assertEquals(1, left.position(), "the caller behind moves up");
            assertEquals(abandonedBefore + 1, support(after).abandoned());
            events.await("QueueCallerAbandon", e -> e.get("CallerIDNum").orElse("").equals(hangsUp.caller()),
                    TIMEOUT);
            QueueChange abandon = watcher.awaitChange(c -> c.kind() == Kind.CALLER_ABANDONED, TIMEOUT, "abandon");
            assertEquals(hangsUp.caller(), abandon.caller().callerIdNumber());
        }
    }

    @Test
    void aCallAnsweredFromTheQueueIsCountedAndItsEndToldWithTheAgent() throws Exception {
        connectAsDesktop();
        int answeredBefore = registry.snapshot().byName("sales").orElseThrow().answered();
        try (SipCall customer = SipCall.customerCalls(SipCall.SALES_DID, "0611000004", "Sales Caller")) {
            QueueChange answered = watcher.awaitChange(c -> c.kind() == Kind.CALL_ANSWERED, TIMEOUT, "answered");
            assertEquals("sales", answered.queue());
            assertEquals("0611000004", answered.caller().callerIdNumber());
            assertTrue(List.of("PJSIP/105", "PJSIP/106").contains(answered.member().device()), answered::toString);
            assertEquals(answeredBefore + 1, registry.snapshot().byName("sales").orElseThrow().answered());
            events.await("AgentConnect", e -> e.get("CallerIDNum").orElse("").equals("0611000004"), TIMEOUT);
            watcher.await(s -> s.byName("sales").orElseThrow().member(answered.member().device()).orElseThrow()
                    .state() == MemberState.IN_CALL, TIMEOUT, "the agent is in a call");

            customer.close();

            QueueChange completed = watcher.awaitChange(c -> c.kind() == Kind.CALL_COMPLETED, TIMEOUT, "completed");
            assertEquals(answered.member().device(), completed.member().device());
            assertEquals("0611000004", completed.caller().callerIdNumber());
        }
    }

    private static CallQueue support(QueueSnapshot snapshot) {
        return snapshot.byName("support").orElseThrow();
    }
}

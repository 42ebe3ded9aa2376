package org.amicus.cti.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.amicus.ami.AmiEventListener;
import org.amicus.ami.AmiPermissionException;
import org.amicus.cti.Colleague;
import org.amicus.cti.ColleagueListener;
import org.amicus.cti.ColleagueRegistry;
import org.amicus.cti.ColleagueState;
import org.amicus.cti.internal.ExtensionStateListAction;
import org.amicus.testing.AgainstTestPbx;
import org.amicus.testing.ColleagueWatcher;
import org.amicus.testing.SipCall;
import org.amicus.testing.TestPbx;
import org.asteriskjava.manager.action.SetVarAction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Presence of the colleagues' phones on production-shaped calls (customers over the trunk, phones dialling each other),
 * each state checked against the PBX's own {@code ExtensionStatus} for that hint.
 */
class ColleagueRegistryTest extends AgainstTestPbx {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final Set<String> PHONES = Set.of("104", "105", "106", "107", "108", "110");

    private ColleagueRegistry registry;
    private ColleagueWatcher watcher;

    @BeforeEach
    void watch() throws Exception {
        registry = services.get(ColleagueRegistry.class);
        watcher = new ColleagueWatcher(registry);
    }

    @AfterEach
    void stopWatching() {
        watcher.close();
    }

    @Test
    void afterLoginEveryPhoneWithAHintIsListedAsThePbxListsIt() throws Exception {
        var resynced = registry.nextResync();
        connectWithFullRights();
        List<Colleague> listed = resynced.get(15, TimeUnit.SECONDS);

        assertEquals(PHONES, listed.stream().map(Colleague::extension).collect(Collectors.toSet()));
        Map<String, Integer> pbx = connection.sendList(new ExtensionStateListAction(), TIMEOUT)
                .get(20, TimeUnit.SECONDS).stream().filter(e -> e.name().equals("ExtensionStatus"))
                .collect(Collectors.toMap(e -> e.get("Exten").orElseThrow(),
                        e -> Integer.parseInt(e.get("Status").orElseThrow())));
        assertEquals(pbx, registry.colleagues().stream()
                .collect(Collectors.toMap(Colleague::extension, Colleague::extensionStatus)));
        Colleague phone = registry.colleague("104").orElseThrow();
        assertEquals("PJSIP/104", phone.device());
        assertEquals(TestPbx.CONTEXT, phone.context());
        assertTrue(registry.resyncProblem().isEmpty());
    }

    @Test
    void aCustomerOverTheTrunkRingsAColleagueThenLeavesItIdle() throws Exception {
        connectWithFullRights();
        try (SipCall customer = SipCall.customerCalls(SipCall.directLine("104"), "0611000011", "Carla Rossi")) {
            awaitPbxStatus("104", 8);
            watcher.await("104", ColleagueState.RINGING, TIMEOUT);
        }
        awaitPbxStatus("104", 0);
        watcher.await("104", ColleagueState.IDLE, TIMEOUT);
    }

    @Test
    void phonesDiallingEachOtherAreInUseAndRingingWhileInUseIsBoth() throws Exception {
        connectWithFullRights();
        try (SipCall talking = SipCall.phoneDials("104", "108")) {
            awaitPbxStatus("108", 1);
            watcher.await("108", ColleagueState.IN_USE, TIMEOUT);
            watcher.await("104", ColleagueState.IN_USE, TIMEOUT);
            try (SipCall customer = SipCall.customerCalls(SipCall.directLine("104"), "0611000012", "Dan Wu")) {
                awaitPbxStatus("104", 9);
                Colleague ringing = watcher.await("104", ColleagueState.RINGING, TIMEOUT);
                assertTrue(ringing.inUse(), "ringing while in use: " + ringing);
                assertEquals(9, ringing.extensionStatus());
            }
            Colleague back = watcher.await("104", ColleagueState.IN_USE, TIMEOUT);
            assertFalse(back.inUse(), "in use says it all: " + back);
        }
        watcher.await("108", ColleagueState.IDLE, TIMEOUT);
        watcher.await("104", ColleagueState.IDLE, TIMEOUT);
    }

    @Test
    void doNotDisturbSetOnThePbxShowsUntilTheColleagueIsAvailableAgain() throws Exception {
        connectWithFullRights();
        try {
            setPresence("106", "dnd,,Back at 3");
            events.await("PresenceStatus", e -> e.get("Exten").orElse("").equals("106")
                    && e.get("Status").orElse("").equals("dnd"), TIMEOUT);
            watcher.await("106", ColleagueState.DND, TIMEOUT);
        } finally {
            setPresence("106", "available");
        }
        watcher.await("106", ColleagueState.IDLE, TIMEOUT);
    }

    @Test
    void listenersAreToldOnAThreadOfTheirOwnNotOnTheDispatchThread() throws Exception {
        Set<Thread> dispatch = ConcurrentHashMap.newKeySet();
        Set<Thread> told = ConcurrentHashMap.newKeySet();
        AmiEventListener dispatchThread = event -> dispatch.add(Thread.currentThread());
        ColleagueListener listener = changes -> told.add(Thread.currentThread());
        connection.addEventListener(dispatchThread);
        registry.addListener(listener);
        try {
            connectWithFullRights();
            try (SipCall customer = SipCall.customerCalls(SipCall.directLine("104"), "0611000013", "Eve Stone")) {
                watcher.await("104", ColleagueState.RINGING, TIMEOUT);
            }
            watcher.await("104", ColleagueState.IDLE, TIMEOUT);
        } finally {
            registry.removeListener(listener);
            connection.removeEventListener(dispatchThread);
        }
        assertFalse(told.isEmpty());
        assertTrue(told.stream().noneMatch(dispatch::contains), "told on " + told + ", dispatched on " + dispatch);
    }

    @Test
    void aUserWhoMayNotListHintsIsToldWhyAndFollowsEventsAlone() throws Exception {
        var resynced = registry.nextResync();
        connection.connect(TestPbx.restricted(), TestPbx.RESTRICTED_SECRET).get(15, TimeUnit.SECONDS);

        ExecutionException failed = assertThrows(ExecutionException.class, () -> resynced.get(15, TimeUnit.SECONDS));
        assertInstanceOf(AmiPermissionException.class, failed.getCause());
        assertTrue(registry.resyncProblem().orElseThrow().startsWith("Cannot list the PBX's hints"),
                registry.resyncProblem().toString());
        assertTrue(registry.resyncProblem(Locale.forLanguageTag("ru")).orElseThrow()
                .startsWith("Не удаётся получить список хинтов АТС"), registry.resyncProblem(Locale.ROOT).toString());
        try (SipCall customer = SipCall.customerCalls(SipCall.directLine("104"), "0611000014", "Finn Roe")) {
            watcher.await("104", ColleagueState.RINGING, TIMEOUT);
        }
    }

    /** As a phone's feature code would: the hint's custom presence, which the PBX keeps across restarts. */
    private void setPresence(String extension, String presence) throws Exception {
        connection.send(new SetVarAction("PRESENCE_STATE(CustomPresence:" + extension + ")", presence), TIMEOUT)
                .get(15, TimeUnit.SECONDS);
    }

    /** The PBX's own word: an {@code ExtensionStatus} of that hint with that bit mask. */
    private void awaitPbxStatus(String extension, int status) throws InterruptedException {
        events.await("ExtensionStatus", e -> e.get("ActionID").isEmpty()
                && e.get("Exten").orElse("").equals(extension)
                && e.get("Status").orElse("").equals(Integer.toString(status)), TIMEOUT);
    }
}

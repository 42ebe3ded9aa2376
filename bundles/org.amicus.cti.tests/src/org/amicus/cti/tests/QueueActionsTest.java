package org.amicus.cti.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.amicus.ami.AmiEvent;
import org.amicus.ami.AmiPermissionException;
import org.amicus.cti.AgentProfile;
import org.amicus.cti.AgentProfiles;
import org.amicus.cti.AutoAnswer;
import org.amicus.cti.ChannelRegistry;
import org.amicus.cti.CtiException;
import org.amicus.cti.MemberState;
import org.amicus.cti.QueueActions;
import org.amicus.cti.QueueMember;
import org.amicus.cti.QueueRegistry;
import org.amicus.testing.AgainstTestPbx;
import org.amicus.testing.QueueWatcher;
import org.amicus.testing.RegistryWatcher;
import org.amicus.testing.TestPbx;
import org.eclipse.core.runtime.preferences.ConfigurationScope;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Queue log-in, log-out and pauses on the real test PBX, each proven by the PBX's own events: my phone is 108, a
 * dynamic member; 104 (support), 105 and 106 (sales) are static members.
 */
class QueueActionsTest extends AgainstTestPbx {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final String ME = "PJSIP/108";

    private QueueActions actions;
    private AgentProfiles profiles;
    private QueueWatcher watcher;
    private AgentProfile saved;

    @BeforeEach
    void connect() throws Exception {
        QueueWatcher.resetQueues();
        actions = services.get(QueueActions.class);
        profiles = services.get(AgentProfiles.class);
        saved = profiles.current();
        profiles.save(new AgentProfile(ME, AutoAnswer.CALL_INFO, TestPbx.CONTEXT, Duration.ofSeconds(20), ""));
        QueueRegistry registry = services.get(QueueRegistry.class);
        watcher = new QueueWatcher(registry);
        CompletableFuture<?> listed = registry.nextResync();
        connectAsDesktop();
        listed.get(15, TimeUnit.SECONDS);
        // a member's state is its phone's: an earlier test's call still ending on it would show it ringing or busy
        try (RegistryWatcher channels = new RegistryWatcher(services.get(ChannelRegistry.class))) {
            channels.await(now -> now.channels().stream().noneMatch(channel -> channel.device().equals(ME)), TIMEOUT,
                    ME + " is done with an earlier test's call");
        }
    }

    @AfterEach
    void restore() throws Exception {
        watcher.close();
        profiles.save(saved);
        adminSets("", false);
        QueueWatcher.resetQueues();
    }

    @Test
    void anAgentLogsInPausesWithAReasonUnpausesAndLogsOut() throws Exception {
        List<QueueMember> in = actions.logIn("support").get(15, TimeUnit.SECONDS);
        assertEquals(MemberState.AVAILABLE, in.get(0).state());
        assertTrue(in.get(0).dynamic());
        events.await("QueueMemberAdded", e -> isMe(e, "support"), TIMEOUT);
        assertEquals(List.of("support"), actions.myQueues().stream().map(q -> q.name()).toList());

        QueueMember paused = actions.pause("support", "Lunch").get(15, TimeUnit.SECONDS).get(0);
        assertEquals(MemberState.PAUSED, paused.state());
        assertEquals("Lunch", paused.pauseReason());
        events.await("QueueMemberPause", e -> isMe(e, "support") && e.get("Paused").orElse("").equals("1")
                && e.get("PausedReason").orElse("").equals("Lunch"), TIMEOUT);

        QueueMember back = actions.unpause("support").get(15, TimeUnit.SECONDS).get(0);
        assertEquals(MemberState.AVAILABLE, back.state());
        events.await("QueueMemberPause", e -> isMe(e, "support") && e.get("Paused").orElse("").equals("0"), TIMEOUT);

        actions.logOut("support").get(15, TimeUnit.SECONDS);
        events.await("QueueMemberRemoved", e -> isMe(e, "support"), TIMEOUT);
        assertEquals(MemberState.LOGGED_OUT, watcher.await(s -> true, TIMEOUT, "").byName("support").orElseThrow()
                .member(ME).orElseThrow().state());
        assertEquals(List.of(), actions.myQueues());
    }

    @Test
    void pauseAllPausesInEveryQueueWithOneReasonAndLogOutAllLeavesThemAll() throws Exception {
        List<QueueMember> in = actions.logInAll().get(15, TimeUnit.SECONDS);
        assertEquals(Set.of("support", "sales"), in.stream().map(QueueMember::queue).collect(Collectors.toSet()));

        List<QueueMember> paused = actions.pauseAll("Training").get(15, TimeUnit.SECONDS);

        assertEquals(2, paused.size());
        assertTrue(paused.stream().allMatch(m -> m.paused() && m.pauseReason().equals("Training")), paused::toString);
        for (String queue : List.of("support", "sales")) {
            events.await("QueueMemberPause", e -> isMe(e, queue) && e.get("PausedReason").orElse("").equals(
                    "Training"), TIMEOUT);
        }
        assertEquals(2, actions.unpauseAll().get(15, TimeUnit.SECONDS).size());
        assertEquals(2, actions.logOutAll().get(15, TimeUnit.SECONDS).size());
        assertEquals(List.of(), actions.myQueues());
    }

    @Test
    void aSupervisorPausesAnotherMemberAndCannotLogOutAStaticOne() throws Exception {
        QueueActions agent105 = actions.forMember("PJSIP/105");

        QueueMember paused = agent105.pause("sales", "Meeting").get(15, TimeUnit.SECONDS).get(0);

        assertEquals("PJSIP/105", paused.device());
        assertEquals("Meeting", paused.pauseReason());
        events.await("QueueMemberPause", e -> e.get("Interface").orElse("").equals("PJSIP/105")
                && e.get("PausedReason").orElse("").equals("Meeting"), TIMEOUT);
        assertEquals("PJSIP/105 is a static member of sales: only the PBX's configuration can take it out",
                refusal(agent105.logOut("sales")).getMessage());
    }

    @Test
    void aReasonOutsideTheCatalogueIsRefusedUnlessTheAdministratorAllowsFreeText() throws Exception {
        actions.logIn("support").get(15, TimeUnit.SECONDS);
        assertEquals("\"Dentist\" is not one of the pause reasons: Break, Lunch, Meeting, Training, Back office",
                refusal(actions.pause("support", "Dentist")).getMessage());

        adminSets("Lunch;Coaching", true);
        assertEquals(List.of("Lunch", "Coaching"), actions.pauseReasons().catalogue());
        QueueMember paused = actions.pause("support", "Dentist").get(15, TimeUnit.SECONDS).get(0);

        assertEquals("Dentist", paused.pauseReason());
        events.await("QueueMemberPause", e -> isMe(e, "support") && e.get("PausedReason").orElse("").equals(
                "Dentist"), TIMEOUT);
        assertEquals("a pause reason must be one line of at most 80 characters",
                refusal(actions.pause("support", "Dentist\r\nEvent: Fake")).getMessage());
    }

    @Test
    void actionsThatCannotBeDoneSayWhy() throws Exception {
        assertEquals("There is no queue named \"nosuch\"", refusal(actions.logIn("nosuch")).getMessage());
        assertEquals(ME + " is not logged in to support", refusal(actions.pause("support", "Lunch")).getMessage());
        assertEquals(ME + " is not logged in to sales", refusal(actions.logOut("sales")).getMessage());
        assertEquals(ME + " is logged in to no queue", refusal(actions.pauseAll("Lunch")).getMessage());
        actions.logIn("support").get(15, TimeUnit.SECONDS);
        assertEquals(ME + " is already logged in to support", refusal(actions.logIn("support")).getMessage());
        profiles.save(AgentProfile.UNSET);
        assertEquals("Set your phone (device) in the settings first", refusal(actions.logIn("sales")).getMessage());
        assertTrue(refusal(actions.forMember("not a phone").pauseAll("Lunch")).getMessage()
                .startsWith("device \"not a phone\" is not valid"));
    }

    @Test
    void aUserWithoutTheAgentRightIsToldItNeedsIt() throws Exception {
        CompletableFuture<?> listed = services.get(QueueRegistry.class).nextResync();
        connection.connect(TestPbx.restricted(), TestPbx.RESTRICTED_SECRET).get(15, TimeUnit.SECONDS);
        listed.get(15, TimeUnit.SECONDS); // QueueStatus needs no right

        ExecutionException failure = assertThrows(ExecutionException.class,
                () -> actions.forMember("PJSIP/105").pause("sales", "Lunch").get(15, TimeUnit.SECONDS));

        AmiPermissionException denied = assertInstanceOf(AmiPermissionException.class, failure.getCause());
        assertTrue(denied.getMessage().contains("QueuePause (Permission denied): it needs the 'agent' permission"),
                denied.getMessage());
    }

    private static boolean isMe(AmiEvent event, String queue) {
        return event.get("Interface").orElse("").equals(ME) && event.get("Queue").orElse("").equals(queue);
    }

    private static CtiException refusal(CompletableFuture<?> action) {
        ExecutionException failure = assertThrows(ExecutionException.class, () -> action.get(15, TimeUnit.SECONDS));
        return assertInstanceOf(CtiException.class, failure.getCause());
    }

    /** What an administrator sets in the configuration area; an empty catalogue puts back the default one. */
    private static void adminSets(String reasons, boolean freeText) throws Exception {
        IEclipsePreferences node = ConfigurationScope.INSTANCE.getNode("org.amicus.cti");
        if (reasons.isEmpty()) {
            node.remove("queue.pauseReasons");
        } else {
            node.put("queue.pauseReasons", reasons);
        }
        node.putBoolean("queue.pauseFreeText", freeText);
        node.flush();
    }
}

package org.amicus.cti.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.amicus.ami.AmiEvent;
import org.amicus.ami.AmiPermissionException;
import org.amicus.ami.OriginateOutcome;
import org.amicus.ami.OriginateOutcome.Result;
import org.amicus.ami.OriginateRequest;
import org.amicus.cti.AgentProfile;
import org.amicus.cti.AgentProfiles;
import org.amicus.cti.AutoAnswer;
import org.amicus.cti.Channel;
import org.amicus.cti.ChannelRegistry;
import org.amicus.cti.CtiActions;
import org.amicus.cti.CtiException;
import org.amicus.cti.SpyMode;
import org.amicus.testing.AgainstTestPbx;
import org.amicus.testing.RawAmi;
import org.amicus.testing.RegistryWatcher;
import org.amicus.testing.SipCall;
import org.amicus.testing.TestPbx;
import org.asteriskjava.manager.action.HangupAction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every agent action on the real test PBX, with the PBX's own events (and the phones' SIP logs) as evidence. */
class CtiActionsTest extends AgainstTestPbx {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private CtiActions actions;
    private AgentProfiles profiles;
    private ChannelRegistry registry;
    private RegistryWatcher watcher;
    private AgentProfile saved;

    @BeforeEach
    void findServices() throws Exception {
        actions = services.get(CtiActions.class);
        profiles = services.get(AgentProfiles.class);
        registry = services.get(ChannelRegistry.class);
        watcher = new RegistryWatcher(registry);
        saved = profiles.current();
    }

    @AfterEach
    void restoreProfile() {
        watcher.close();
        profiles.save(saved);
    }

    @Test
    void callRingsMyPhoneWithAutoAnswerThenDials() throws Exception {
        connectAsDesktop();
        actAs("PJSIP/105");
        Path sipLog = TestPbx.phoneLog("105");
        long logged = Files.size(sipLog);

        OriginateOutcome outcome = actions.call("100").get(30, TimeUnit.SECONDS);

        assertEquals(Result.ANSWERED, outcome.result(), outcome.describe());
        events.await("Newexten", e -> outcome.channelId().equals(e.get("Uniqueid").orElse(""))
                && e.get("Exten").orElse("").equals("100"), TIMEOUT);
        String invite = newContent(sipLog, logged);
        assertTrue(invite.contains("Call-Info: <sip:" + TestPbx.HOST + ">;answer-after=0"),
                "the INVITE to my phone asks it to answer by itself:\n" + invite);
    }

    @Test
    void pickUpAnswersACallRingingElsewhereOnMyPhone() throws Exception {
        connectAsDesktop();
        actAs("PJSIP/108");
        Channel[] call = watcher.ringingCall(connection);
        Channel caller = call[0];
        Channel ringing = call[1];

        OriginateOutcome outcome = actions.pickUp(ringing.name()).get(30, TimeUnit.SECONDS);

        assertEquals(Result.ANSWERED, outcome.result(), outcome.describe() + "; events of " + outcome.channelId() + ": "
                + events.all(e -> e.name().equals("OriginateResponse") || e.name().equals("Pickup")
                        || e.get("Uniqueid").orElse("").startsWith(outcome.channelId())));
        AmiEvent pickup = events.await("Pickup", e -> ringing.name().equals(e.get("TargetChannel").orElse("")),
                TIMEOUT);
        assertTrue(pickup.get("Channel").orElseThrow().startsWith("PJSIP/108-"), pickup.toString());
        watcher.await(s -> s.byUniqueId(caller.uniqueId()).map(Channel::bridgedWith).orElse("")
                .startsWith("PJSIP/108-"), TIMEOUT, "the caller talks to my phone");
        endCall(caller);
    }

    @Test
    void pickUpRefusesAChannelThatDoesNotRing() throws Exception {
        connectAsDesktop();
        actAs("PJSIP/108");
        Channel caller = watcher.ringingCall(connection)[0]; // up, dialling

        CtiException refused = assertRefused(actions.pickUp(caller.name()));
        assertEquals(caller.name() + " is no longer ringing", refused.getMessage());
        assertEquals("PJSIP/104-99999999 no longer exists",
                assertRefused(actions.pickUp("PJSIP/104-99999999")).getMessage());
        endCall(caller);
    }

    @Test
    void pickUpRefusesTheCallingSideOfAPhoneDialling() throws Exception {
        connectWithFullRights();
        actAs("PJSIP/108");
        try (SipCall dialling = SipCall.phoneDials("105", "104")) {
            Channel caller = dialling.calling(watcher.await(s -> dialling.leg(s, "PJSIP/104").isPresent(), TIMEOUT,
                    "105 dials 104")).orElseThrow();

            assertEquals(caller.name() + " is not ringing", assertRefused(actions.pickUp(caller.name())).getMessage());
        }
    }

    @Test
    void playBackPlaysARecordingToMyPhone() throws Exception {
        connectAsDesktop();
        actAs("PJSIP/105");
        try (RawAmi pbx = new RawAmi()) { // the desktop's user hears no test events: the PBX's own are the evidence
            OriginateOutcome outcome = actions.playBack("hello-world").get(30, TimeUnit.SECONDS);

            assertEquals(Result.ANSWERED, outcome.result(), outcome.describe());
            assertEquals("", outcome.detail());
            events.await("VarSet", e -> outcome.channelId().equals(e.get("Uniqueid").orElse(""))
                    && e.get("Value").orElse("").equals("SUCCESS"), TIMEOUT);
            String myChannel = events.await("Newchannel", e -> outcome.channelId().equals(
                    e.get("Uniqueid").orElse("")), TIMEOUT).get("Channel").orElseThrow();
            Map<String, String> played = pbx.awaitEvent("TestEvent", "Channel", myChannel);
            assertEquals("PLAYBACK", played.get("State"));
            assertEquals("hello-world", played.get("Message"));
        }
    }

    @Test
    void playBackOfAMissingRecordingSaysMyPhoneAnsweredButNothingPlayed() throws Exception {
        connectWithFullRights();
        actAs("PJSIP/105");

        OriginateOutcome outcome = actions.playBack("custom/does-not-exist").get(30, TimeUnit.SECONDS);

        assertEquals(Result.ACTION_FAILED, outcome.result(), outcome.describe());
        assertEquals("Answered, but the action failed: the PBX could not play custom/does-not-exist: is there such a"
                + " recording?", outcome.describe());
        events.await("VarSet", e -> outcome.channelId().equals(e.get("Uniqueid").orElse(""))
                && e.get("Value").orElse("").equals("FAILED"), TIMEOUT);
    }

    @Test
    void pickUpOfACallThatStopsRingingBeforeMyPhoneAnswersSaysNothingWasPickedUp() throws Exception {
        connectWithFullRights();
        actAs("PJSIP/108");
        CompletableFuture<OriginateOutcome> pickUp;
        Channel ringing;
        try (SipCall customer = SipCall.customerCalls(SipCall.directLine("104"), "0611000005", "Emma Novak")) {
            ringing = customer.leg(watcher.await(s -> customer.leg(s, "PJSIP/104").filter(Channel::isRinging)
                    .isPresent(), TIMEOUT, "104 rings"), "PJSIP/104").orElseThrow();
            pickUp = actions.pickUp(ringing.name());
            // my phone rings for 0.5 s before it answers: the customer hangs up meanwhile
            events.await("Newchannel", e -> e.get("Channel").orElse("").startsWith("PJSIP/108-"), TIMEOUT);
        }

        OriginateOutcome outcome = pickUp.get(30, TimeUnit.SECONDS);

        assertEquals(Result.ACTION_FAILED, outcome.result(), outcome.describe());
        assertEquals("nothing was picked up: " + ringing.name() + " no longer rang", outcome.detail());
        assertTrue(events.all(e -> e.name().equals("Pickup")).isEmpty());
    }

    @Test
    void spyOnACallThatEndsBeforeMyPhoneAnswersSaysThereWasNothingToJoin() throws Exception {
        connectWithFullRights();
        actAs("PJSIP/108");
        Channel agent = agentCallWithAudio();

        CompletableFuture<OriginateOutcome> spying = actions.spy(agent.name(), SpyMode.LISTEN);
        events.await("Newchannel", e -> e.get("Channel").orElse("").startsWith("PJSIP/108-"), TIMEOUT);
        connection.send(new HangupAction(agent.name()), TIMEOUT).get(15, TimeUnit.SECONDS);
        OriginateOutcome outcome = spying.get(30, TimeUnit.SECONDS);

        assertEquals(Result.ACTION_FAILED, outcome.result(), outcome.describe());
        assertEquals("nothing to join: " + agent.name() + " has ended", outcome.detail());
        assertTrue(events.all(e -> e.name().equals("ChanSpyStart")).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = { "../../etc/passwd", "/etc/passwd", "hello world", "hello,world", "x)|System(id" })
    void playBackRefusesWhatIsNotARecordingName(String name) {
        actAs("PJSIP/105");
        assertTrue(assertRefused(actions.playBack(name)).getMessage().contains("is not a recording name"));
    }

    @ParameterizedTest
    @EnumSource(SpyMode.class)
    void aSupervisorSpiesOnAnAgentsCallAndLeaves(SpyMode mode) throws Exception {
        connectAsDesktop();
        actAs("PJSIP/108");
        Channel agent = agentCallWithAudio();

        OriginateOutcome spying = actions.spy(agent.name(), mode).get(30, TimeUnit.SECONDS);

        assertEquals(Result.ANSWERED, spying.result(), spying.describe());
        AmiEvent start = events.await("ChanSpyStart", e -> agent.name().equals(e.get("SpyeeChannel").orElse("")),
                TIMEOUT);
        String spyer = start.get("SpyerChannel").orElseThrow();
        assertTrue(spyer.startsWith("PJSIP/108-"), spyer);
        watcher.await(s -> s.byName(spyer).map(Channel::spying).orElse("").equals(agent.name()), TIMEOUT,
                "the registry shows who spies on whom");

        actions.hangUp(spying.channelId()).get(15, TimeUnit.SECONDS);

        events.await("ChanSpyStop", e -> spyer.equals(e.get("SpyerChannel").orElse("")), TIMEOUT);
        events.await("Hangup", e -> spyer.equals(e.get("Channel").orElse("")), TIMEOUT);
        connection.send(new HangupAction(agent.name()), TIMEOUT).get(15, TimeUnit.SECONDS);
    }

    @Test
    void hangUpEndsNothingButAChannelOfMyOwnPhone() throws Exception {
        connectAsDesktop();
        actAs("PJSIP/108");
        Channel[] call = watcher.ringingCall(connection);

        for (String other : List.of("/.*/", "/^PJSIP\\/10/", call[0].uniqueId(), call[1].name(), "PJSIP/104",
                "")) {
            assertEquals("\"" + other + "\" is no live channel of your phone PJSIP/108: only your own sessions can be "
                    + "hung up", assertRefused(actions.hangUp(other)).getMessage());
        }
        assertTrue(watcher.awaitSameAsPbx(connection).byUniqueId(call[1].uniqueId()).isPresent(),
                "the call of other phones goes on");
        endCall(call[0]);
    }

    @Test
    void hangingUpASessionThatEndedAlreadyIsDone() throws Exception {
        connectAsDesktop();
        actAs("PJSIP/108");
        OriginateOutcome playing = actions.playBack("beep").get(30, TimeUnit.SECONDS);
        assertEquals(Result.ANSWERED, playing.result(), playing.describe());
        events.await("Hangup", e -> playing.channelId().equals(e.get("Uniqueid").orElse("")), TIMEOUT);
        watcher.await(s -> s.byUniqueId(playing.channelId()).isEmpty(), TIMEOUT, "the playback ended by itself");

        actions.hangUp(playing.channelId()).get(15, TimeUnit.SECONDS);
    }

    @Test
    void theRestrictedUserHearsNoPlaybackStatusAndMayNotHangUp() throws Exception {
        connection.connect(TestPbx.restricted(), TestPbx.RESTRICTED_SECRET).get(15, TimeUnit.SECONDS);
        actAs("PJSIP/108");

        OriginateOutcome played = actions.playBack("hello-world").get(30, TimeUnit.SECONDS);
        assertEquals(Result.ANSWERED, played.result());
        assertEquals("the PBX does not tell whether hello-world played to an AMI user without read permission"
                + " \"dialplan\"", played.detail());

        OriginateOutcome calling = actions.call("100").get(30, TimeUnit.SECONDS); // a session that goes on
        assertEquals(Result.ANSWERED, calling.result(), calling.describe());
        watcher.await(s -> s.byUniqueId(calling.channelId()).isPresent(), TIMEOUT, "my session is live");
        ExecutionException failure = assertThrows(ExecutionException.class,
                () -> actions.hangUp(calling.channelId()).get(15, TimeUnit.SECONDS));
        assertEquals("Hangup", assertInstanceOf(AmiPermissionException.class, failure.getCause()).action());
        connectWithFullRights();
        connection.send(new HangupAction(calling.channelId()), TIMEOUT).get(15, TimeUnit.SECONDS);
    }

    @Test
    void actionsAsAnotherAgentRingThatPhoneAndLeaveTheStoredProfileAlone() throws Exception {
        connectAsDesktop();
        profiles.save(AgentProfile.UNSET);
        AgentProfile script = new AgentProfile("PJSIP/105", AutoAnswer.NONE, TestPbx.CONTEXT, Duration.ofSeconds(20),
                "");

        OriginateOutcome outcome = actions.as(script).call("100").get(30, TimeUnit.SECONDS);

        assertEquals(Result.ANSWERED, outcome.result(), outcome.describe());
        events.await("Newchannel", e -> outcome.channelId().equals(e.get("Uniqueid").orElse(""))
                && e.get("Channel").orElse("").startsWith("PJSIP/105-"), TIMEOUT);
        assertEquals(AgentProfile.UNSET, profiles.current());
        assertEquals("Set your phone (device) in the settings first", assertRefused(actions.call("100")).getMessage());
    }

    @Test
    void nothingHappensWithoutADevice() {
        profiles.save(AgentProfile.UNSET);
        assertEquals("Set your phone (device) in the settings first", assertRefused(actions.call("100")).getMessage());
    }

    private void actAs(String device) {
        profiles.save(new AgentProfile(device, AutoAnswer.CALL_INFO, TestPbx.CONTEXT, Duration.ofSeconds(20),
                "\"Agent\" <" + device.substring(device.indexOf('/') + 1) + ">"));
    }

    /**
     * An agent's call that carries audio both ways (ChanSpy notices that its own channel is hung up only when audio
     * flows): a Local channel whose one side plays at extension 200 while the other echoes it. Returns the side that
     * plays.
     */
    private Channel agentCallWithAudio() throws Exception {
        OriginateOutcome call = connection.originate(OriginateRequest.call("Local/200@" + TestPbx.CONTEXT)
                .toApplication("Echo", "").build()).get(30, TimeUnit.SECONDS);
        assertEquals(Result.ANSWERED, call.result());
        String playing = call.channelId() + "-2"; // the Local channel's other side has the other id
        return watcher.await(s -> s.byUniqueId(playing).isPresent(), TIMEOUT, "agent call").byUniqueId(playing)
                .orElseThrow();
    }

    private static CtiException assertRefused(CompletableFuture<?> action) {
        ExecutionException failure = assertThrows(ExecutionException.class, () -> action.get(5, TimeUnit.SECONDS));
        return assertInstanceOf(CtiException.class, failure.getCause());
    }

    private static String newContent(Path file, long from) throws Exception {
        byte[] all = Files.readAllBytes(file);
        return new String(all, (int) from, all.length - (int) from, StandardCharsets.ISO_8859_1);
    }

    /**
     * Hangs up the customer of {@link RegistryWatcher#ringingCall} and waits until its call has left the PBX, so that
     * no later test finds 104 still ringing.
     */
    private void endCall(Channel customer) throws Exception {
        connection.send(new HangupAction(customer.name()), TIMEOUT).get(15, TimeUnit.SECONDS);
        watcher.await(s -> s.channels().stream().noneMatch(leg -> leg.linkedId().equals(customer.linkedId())),
                TIMEOUT, customer.name() + "'s call ended");
    }

}

package org.amicus.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeout;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import org.amicus.ami.AmiConnection;
import org.amicus.ami.OriginateOutcome;
import org.amicus.ami.OriginateOutcome.Result;
import org.amicus.cti.AttendedTransferOutcome;
import org.amicus.cti.Channel;
import org.amicus.cti.ChannelRegistry;
import org.amicus.cti.ChannelSnapshot;
import org.amicus.cti.ChannelState;
import org.amicus.cti.Colleague;
import org.amicus.cti.ColleagueRegistry;
import org.amicus.cti.ColleagueState;
import org.amicus.cti.Consultation;
import org.amicus.cti.CtiActions;
import org.amicus.cti.CtiException;
import org.amicus.cti.ParkOutcome;
import org.amicus.cti.ParkedCall;
import org.amicus.cti.ParkedCallListener;
import org.amicus.cti.ParkedCalls;
import org.amicus.cti.QueueActions;
import org.amicus.cti.QueueChange;
import org.amicus.cti.QueueMember;
import org.amicus.cti.RecordingState;
import org.amicus.cti.SpyMode;
import org.amicus.cti.TransferOutcome;
import org.amicus.cti.hub.HubConnectException;
import org.amicus.cti.hub.HubDesktop;
import org.amicus.cti.hub.HubLogin;
import org.amicus.cti.hub.HubSubjects;
import org.amicus.cti.hub.RecordJson;
import org.amicus.testing.ColleagueWatcher;
import org.amicus.testing.QueueWatcher;
import org.amicus.testing.RawAmi;
import org.amicus.testing.RegistryWatcher;
import org.amicus.testing.Services;
import org.amicus.testing.SipCall;
import org.amicus.testing.TestCalls;
import org.amicus.testing.TestPbx;
import org.asteriskjava.manager.action.HangupAction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.nats.client.Connection;
import io.nats.client.KeyValue;
import io.nats.client.Message;
import io.nats.client.api.KeyValueEntry;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsMessage;
import io.nats.client.support.JsonValue;

/**
 * The hub against the real test PBX (logged in as {@code amicus-hub}, the least-privileged user the deployment guide
 * gives it) and the real 3-node NATS cluster of releng/test-nats, with the NATS accounts the hub writes for its
 * roster ({@link TestRoster}), and desktops in hub mode as the product makes them. Every refusal is shown with the
 * PBX's own events, read by an admin observer: nothing happened.
 */
class HubTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final byte[] FORGED = "{\"forged\":true}".getBytes(StandardCharsets.UTF_8);

    private static final Services services = new Services(HubTest.class);
    private static TestRoster.DirectServices direct;
    private static AmiConnection pbx;
    private static Hub hub;
    private static HubDesktop alice;
    private static HubDesktop carol;
    private static HubDesktop bob;
    private static HubDesktop sam;

    @BeforeAll
    static void startHubAndDesktops() throws Exception {
        direct = TestRoster.DirectServices.of(services);
        hub = TestRoster.startHub(direct);
        pbx = direct.services().pbx();
        alice = TestRoster.desktop("alice");
        carol = TestRoster.desktop("carol");
        bob = TestRoster.desktop("bob");
        sam = TestRoster.desktop("sam");
    }

    @AfterAll
    static void stopAll() throws Exception {
        for (HubDesktop desktop : new HubDesktop[] { alice, carol, bob, sam }) {
            if (desktop != null) {
                desktop.close();
            }
        }
        if (hub != null) {
            hub.close();
        }
        services.close();
    }

    @Test
    void aRingingCallIsSeenAndPickedUpByItsTeamOnlyAndRemovedAtHangUp() throws Exception {
        try (RegistryWatcher aliceSees = new RegistryWatcher(alice.registry());
                RegistryWatcher carolSees = new RegistryWatcher(carol.registry()); RawAmi observer = new RawAmi()) {
            String customer = TestCalls.customerCallsPhone104(pbx).channelId();
            Channel ringing = TestCalls.ringingFor(aliceSees.await(seen -> TestCalls.ringingFor(seen, customer) != null,
                    WAIT, "104 rings on alice's desktop"), customer);
            assertEquals("PJSIP/104", ringing.device());
            assertTrue(hub.awaitPublished(WAIT), "the hub wrote every change");
            assertFalse(bob.registry().snapshot().byUniqueId(customer).isPresent(), "support sees a sales call");
            try (Connection asHub = connect("hub")) {
                assertFalse(asHub.keyValue(HubSubjects.teamBucket("support")).keys()
                        .contains(HubSubjects.key(customer)), "the support bucket holds a sales call");
            }

            assertEquals(ringing.name() + " is not a call you may pick up",
                    refusal(bob.actions().pickUp(ringing.name())));
            List<Map<String, String>> sinceBobAsked = observer.eventsUntilNow();
            Evidence.assertNone(sinceBobAsked, ringing.name(), "Pickup");
            Evidence.assertNone(sinceBobAsked, "PJSIP/107", "Newchannel", "OriginateResponse");   // bob's phone never rang
            OriginateOutcome pickedUp = carol.actions().pickUp(ringing.name()).get(40, TimeUnit.SECONDS);
            assertEquals(Result.ANSWERED, pickedUp.result(), pickedUp.describe());

            pbx.send(new HangupAction(customer), WAIT).get(20, TimeUnit.SECONDS);
            carolSees.await(seen -> seen.byUniqueId(customer).isEmpty() && seen.byUniqueId(pickedUp.channelId())
                    .isEmpty(), WAIT, "the call is gone from carol's desktop");
        }
    }

    @Test
    void anAgentsCallRingsItsOwnPhoneAndOnlyItsOwnCallsMayItHangUp() throws Exception {
        try (RegistryWatcher carolSees = new RegistryWatcher(carol.registry()); RawAmi observer = new RawAmi()) {
            OriginateOutcome call = carol.actions().call("200").get(40, TimeUnit.SECONDS);
            assertEquals(Result.ANSWERED, call.result(), call.describe());
            Channel onHerPhone = carolSees.await(seen -> seen.byUniqueId(call.channelId()).isPresent(), WAIT,
                    "carol's call on her desktop").byUniqueId(call.channelId()).orElseThrow();
            assertEquals("PJSIP/106", onHerPhone.device());

            assertEquals(onHerPhone.name() + " is not your call", refusal(alice.actions().hangUp(call.channelId())));
            Evidence.assertNone(observer.eventsUntilNow(), onHerPhone.name(), "Hangup", "SoftHangupRequest", "HangupRequest");
            carol.actions().hangUp(call.channelId()).get(20, TimeUnit.SECONDS);
            carolSees.await(seen -> seen.byUniqueId(call.channelId()).isEmpty(), WAIT, "carol's call has ended");
        }
    }

    @Test
    void aSupervisorListensToAnAgentOfItsTeamAndAnAgentMayNot() throws Exception {
        try (RegistryWatcher carolSees = new RegistryWatcher(carol.registry()); RawAmi observer = new RawAmi()) {
            OriginateOutcome call = carol.actions().call("200").get(40, TimeUnit.SECONDS);
            assertEquals(Result.ANSWERED, call.result(), call.describe());
            String agentChannel = carolSees.await(seen -> seen.byUniqueId(call.channelId()).isPresent(), WAIT,
                    "carol's call").byUniqueId(call.channelId()).orElseThrow().name();

            assertEquals("Only a supervisor may listen, whisper or barge",
                    refusal(alice.actions().spy(agentChannel, SpyMode.LISTEN)));
            OriginateOutcome listening = sam.actions().spy(agentChannel, SpyMode.LISTEN).get(40, TimeUnit.SECONDS);
            assertEquals(Result.ANSWERED, listening.result(), listening.describe());

            // The PBX's own account, up to the supervisor's ChanSpyStart: alice's phone was never rung, nobody else spied.
            List<Map<String, String>> events = observer.eventsUntil("ChanSpyStart", "SpyeeChannel", agentChannel);
            assertTrue(events.get(events.size() - 1).get("SpyerChannel").startsWith("PJSIP/108-"),
                    "the supervisor's phone spies: " + events.get(events.size() - 1));
            assertTrue(events.stream().noneMatch(event -> "Newchannel".equals(event.get("Event"))
                    && event.get("Channel").startsWith("PJSIP/104-")), "alice's phone was rung: " + events);
            assertEquals(1, events.stream().filter(event -> "ChanSpyStart".equals(event.get("Event"))).count(),
                    "more than one spy: " + events);

            sam.actions().hangUp(listening.channelId()).get(20, TimeUnit.SECONDS);
            carol.actions().hangUp(call.channelId()).get(20, TimeUnit.SECONDS);
            carolSees.await(seen -> seen.byUniqueId(call.channelId()).isEmpty(), WAIT, "carol's call has ended");
        }
    }

    @Test
    void onlyItsOwnAnsweredCallDoesOneRecordTransferOrParkAndOnlyItsTeamsParkedCallsRetrieve() throws Exception {
        try (RawAmi observer = new RawAmi(); RegistryWatcher samSees = new RegistryWatcher(sam.registry());
                RegistryWatcher carolSees = new RegistryWatcher(carol.registry());
                RegistryWatcher hubSees = new RegistryWatcher(services.get(ChannelRegistry.class));
                SipCall customer = SipCall.customerCalls(SipCall.directLine("108"), "0611000061", "Uma Lind")) {
            Channel samsLeg = talkingTo(samSees, customer, "PJSIP/108");
            Channel trunk = customer.calling(samSees.await(seen -> true, WAIT, "")).orElseThrow();

            // alice's phone has no answered call: her requests reach nobody else's, the supervisor's call included
            for (CompletableFuture<?> notHers : List.of(alice.actions().startRecording(),
                    alice.actions().blindTransfer("105"), alice.actions().park())) {
                assertEquals("My phone PJSIP/104 has no answered call", refusal(notHers));
            }
            List<Map<String, String>> sinceAliceAsked = observer.eventsUntilNow();
            Evidence.assertNone(sinceAliceAsked, "", "BlindTransfer", "ParkedCall");
            // the PBX's dialplan records every trunk call itself: only a recording of sam's phone would be the hub's
            Evidence.assertNone(sinceAliceAsked, "PJSIP/108-", "MixMonitorStart");

            RecordingState notRecorded = new RecordingState(samsLeg.uniqueId(), samsLeg.name(), false, false);
            assertEquals(Optional.of(notRecorded), sam.actions().myRecording());
            RecordingState started = new RecordingState(samsLeg.uniqueId(), samsLeg.name(), true, false);
            assertEquals(started, sam.actions().startRecording().get(20, TimeUnit.SECONDS));
            observer.awaitEvent("MixMonitorStart", "Channel", samsLeg.name());
            assertEquals(Optional.of(started), sam.actions().myRecording(), "what the part's Record button reads");
            assertTrue(sam.actions().muteRecording(true).get(20, TimeUnit.SECONDS).muted());
            observer.awaitEvent("MixMonitorMute", "Channel", samsLeg.name());
            assertTrue(sam.actions().myRecording().orElseThrow().muted());
            assertFalse(sam.actions().stopRecording().get(20, TimeUnit.SECONDS).recording());
            observer.awaitEvent("MixMonitorStop", "Channel", samsLeg.name());
            assertFalse(sam.actions().myRecording().orElseThrow().recording());
            assertEquals(Optional.empty(), alice.actions().myRecording(), "alice has no answered call");

            assertEquals(new TransferOutcome(TransferOutcome.Result.TRANSFERRED, trunk.name(), "106@amicus", ""),
                    sam.actions().blindTransfer("106").get(20, TimeUnit.SECONDS));
            observer.awaitEvent("BlindTransfer", "TransfereeChannel", trunk.name());
            Predicate<ChannelSnapshot> carolTalks = seen -> seen.channels().stream().anyMatch(leg -> leg.device()
                    .equals("PJSIP/106") && talking(leg) && leg.bridgedWith().equals(trunk.name()));
            carolSees.await(carolTalks, WAIT, "carol talks to the customer sam transferred");
            hubSees.await(carolTalks, WAIT, "the hub, whose actions park, sees carol talk to the customer");

            ParkOutcome parked = carol.actions().park().get(20, TimeUnit.SECONDS);
            assertEquals(ParkOutcome.Result.PARKED, parked.result(), parked.detail());
            assertEquals(trunk.name(), parked.parkee());
            assertEquals(parked.space(), observer.awaitEvent("ParkedCall", "ParkeeChannel", trunk.name())
                    .get("ParkingSpace"));

            // support's bob sees the parked customer on his board, yet may not take sales's; carol takes it back
            assertEquals("PJSIP/106", parkedIn(services.get(ParkedCalls.class), parked.space()).parkedBy());
            ParkedCall onBobsBoard = parkedIn(bob.parked(), parked.space());
            assertEquals(List.of(trunk.name(), "0611000061", "PJSIP/106"), List.of(onBobsBoard.channel(),
                    onBobsBoard.caller().number(), onBobsBoard.parkedBy()));
            assertEquals("No call you may retrieve is parked in " + parked.space(),
                    refusal(bob.actions().retrieveParked(parked.space())));
            Evidence.assertNone(observer.eventsUntilNow(), "", "UnParkedCall");
            OriginateOutcome retrieved = carol.actions().retrieveParked(parked.space()).get(40, TimeUnit.SECONDS);
            assertEquals(Result.ANSWERED, retrieved.result(), retrieved.describe());
            assertEquals(retrieved.channelId(), observer.awaitEvent("UnParkedCall", "ParkeeChannel", trunk.name())
                    .get("RetrieverUniqueid"));
            awaitParked(bob.parked(), now -> now.stream().noneMatch(call -> call.space().equals(parked.space())),
                    "the space is free again on bob's board");
        }
    }

    @Test
    void anAttendedTransferGoesThroughTheHubAndOnlyItsAskerEndsIt() throws Exception {
        try (RawAmi observer = new RawAmi(); RegistryWatcher samSees = new RegistryWatcher(sam.registry());
                RegistryWatcher hubSees = new RegistryWatcher(services.get(ChannelRegistry.class));
                SipCall customer = SipCall.customerCalls(SipCall.directLine("108"), "0611000062", "Ida Moen")) {
            Channel samsLeg = talkingTo(samSees, customer, "PJSIP/108");
            Channel trunk = customer.calling(samSees.await(seen -> true, WAIT, "")).orElseThrow();

            assertEquals("My phone PJSIP/104 has no answered call", refusal(alice.actions().attendedTransfer("106")));
            assertEquals("No consultation of yours is under way", refusal(alice.ask("completeTransfer", Map.of())));
            Evidence.assertNone(observer.eventsUntilNow(), "", "Hold", "AttendedTransfer");

            // the busy 110 ends the consultation by itself: sam's desktop hears it from the hub
            Consultation busy = sam.actions().attendedTransfer("110").get(20, TimeUnit.SECONDS);
            assertEquals(new AttendedTransferOutcome(AttendedTransferOutcome.Result.RETURNED, trunk.name(),
                    "110@amicus", "110@amicus did not take the call"), busy.outcome().get(20, TimeUnit.SECONDS));

            Consultation consultation = sam.actions().attendedTransfer("106").get(20, TimeUnit.SECONDS);
            assertEquals(trunk.name(), consultation.transferee());
            hubSees.await(seen -> seen.byName(samsLeg.name()).flatMap(mine -> seen.byName(mine.bridgedWith()))
                    .filter(target -> target.name().startsWith("Local/106@amicus-")
                            && target.state() == ChannelState.UP).isPresent(),
                    WAIT, "106 answered sam's consultation");
            assertEquals("No consultation of yours is under way", refusal(carol.ask("cancelTransfer", Map.of())));
            AttendedTransferOutcome done = consultation.complete().get(20, TimeUnit.SECONDS);

            assertEquals(new AttendedTransferOutcome(AttendedTransferOutcome.Result.TRANSFERRED, trunk.name(),
                    "106@amicus", ""), done);
            assertEquals("Success", observer.awaitEvent("AttendedTransfer", "OrigTransfererChannel", samsLeg.name())
                    .get("Result"));
            assertEquals(done, consultation.outcome().get(20, TimeUnit.SECONDS));
            hubSees.await(seen -> seen.byUniqueId(trunk.uniqueId()).map(Channel::bridgedWith).orElse("")
                    .matches("(PJSIP/106-|Local/106@amicus-).*"), WAIT, "the customer talks to carol");
        }
    }

    @Test
    void anAgentPausesAndLogsOutItselfAndASupervisorTheAgentsOfItsTeamsOnly() throws Exception {
        QueueWatcher.resetQueues();
        try (RawAmi observer = new RawAmi(); QueueWatcher bobSees = new QueueWatcher(bob.queues())) {
            assertEquals("Only a supervisor may act for another agent",
                    refusal(alice.ask("queuePause", Map.of("queue", text("sales"), "member", text("PJSIP/106")))));
            assertEquals("PJSIP/107 is not an agent of your teams",
                    refusal(sam.ask("queuePause", Map.of("queue", text("support"), "member", text("PJSIP/107")))));
            assertEquals("You may log in only yourself",
                    refusal(sam.ask("queueLogIn", Map.of("queue", text("support"), "member", text("PJSIP/106")))));
            Evidence.assertNone(observer.eventsUntilNow(), "", "QueueMemberPause", "QueueMemberAdded", "QueueMemberRemoved");

            QueueMember paused = member(carol.ask("queuePause", Map.of("queue", text("sales"), "reason",
                    text("Lunch"))));
            assertEquals(List.of("PJSIP/106", "Lunch"), List.of(paused.device(), paused.pauseReason()));
            assertEquals("Lunch", observer.awaitEvent("QueueMemberPause", "Interface", "PJSIP/106")
                    .get("PausedReason"));
            QueueChange onBobsBoard = bobSees.awaitChange(change -> change.kind() == QueueChange.Kind.MEMBER_CHANGED
                    && change.member().device().equals("PJSIP/106") && change.member().paused(), WAIT,
                    "carol's pause on support's bob's board of the queues");
            assertEquals(List.of("sales", "Lunch"), List.of(onBobsBoard.queue(), onBobsBoard.member().pauseReason()));
            assertFalse(member(sam.ask("queueUnpause", Map.of("queue", text("sales"), "member", text("PJSIP/106"))))
                    .paused());
            assertEquals("0", observer.awaitEvent("QueueMemberPause", "Interface", "PJSIP/106").get("Paused"));

            assertTrue(member(carol.ask("queueLogIn", Map.of("queue", text("support")))).dynamic());
            observer.awaitEvent("QueueMemberAdded", "Interface", "PJSIP/106");
            bobSees.await(queues -> queues.byName("support").orElseThrow().hasMember("PJSIP/106"), WAIT,
                    "carol logged in to support on bob's board");
            assertFalse(member(sam.ask("queueLogOut", Map.of("queue", text("support"), "member",
                    text("PJSIP/106")))).loggedIn());
            observer.awaitEvent("QueueMemberRemoved", "Interface", "PJSIP/106");
            bobSees.awaitChange(change -> change.kind() == QueueChange.Kind.MEMBER_REMOVED && change.queue().equals(
                    "support") && change.member().device().equals("PJSIP/106"), WAIT, "carol logged out on bob's board");
        } finally {
            try (RawAmi admin = new RawAmi()) {
                admin.send("QueueRemove", "Queue", "support", "Interface", "PJSIP/106");
            }
            QueueWatcher.resetQueues();
        }
    }

    @Test
    void everyUserSeesTheColleaguesPhonesAsThePbxTellsThem() throws Exception {
        ColleagueRegistry atTheHub = services.get(ColleagueRegistry.class);
        List<Colleague> onBobsBoard = bob.colleagues().colleagues();   // read whole once connected
        assertTrue(onBobsBoard.stream().anyMatch(colleague -> colleague.device().equals("PJSIP/104")), onBobsBoard
                ::toString);
        assertEquals(atTheHub.colleagues().stream().map(colleague -> colleague.extension() + " " + colleague.hint())
                .toList(), onBobsBoard.stream().map(colleague -> colleague.extension() + " " + colleague.hint())
                        .toList(), "every phone with a hint, as the hub's own registry lists them");
        try (ColleagueWatcher bobSees = new ColleagueWatcher(bob.colleagues());
                SipCall customer = SipCall.customerCalls(SipCall.directLine("104"), "0611000062", "Vera Holm")) {
            assertEquals("PJSIP/104", bobSees.await("104", ColleagueState.RINGING, WAIT).device(),
                    "a sales agent's phone rings, on a support agent's board");
        }
        try (ColleagueWatcher bobSees = new ColleagueWatcher(bob.colleagues())) {
            bobSees.await("104", ColleagueState.IDLE, WAIT);
        }
    }

    @Test
    void aDesktopReachesTheHubOverTlsTrustingTheServersCertificateOnly() throws Exception {
        List<String> overTls = List.of("tls://127.0.0.1:4222");
        try (HubDesktop bobOverTls = HubDesktop.connect(new HubLogin(overTls, "bob", TestRoster.password("bob"),
                Optional.of(TestRoster.NATS_CERTIFICATE)))) {
            assertEquals("PJSIP/107", bobOverTls.identity().phone());
            assertEquals(bob.colleagues().colleagues(), bobOverTls.colleagues().colleagues());
        }
        HubConnectException untrusted = assertThrows(HubConnectException.class, () -> HubDesktop.connect(
                new HubLogin(overTls, "bob", TestRoster.password("bob"))),
                "the JVM's own trust store does not know the test cluster's certificate");
        assertEquals("No server of the hub could be reached: tls://127.0.0.1:4222", untrusted.getMessage());
    }

    @Test
    void aWrongPasswordOrAnUnknownUserIsRefusedAtOnceInTheUsersLanguage() throws Exception {
        for (String user : List.of("alice", "mallory")) {
            try (HubDesktop refused = new HubDesktop(new HubLogin(TestRoster.SERVERS, user, "not-the-password"))) {
                // each server's refusal took the client's 5 s connection timeout before the next was tried
                HubConnectException why = assertTimeout(Duration.ofSeconds(4), () -> assertThrows(
                        HubConnectException.class, refused::connect));
                assertEquals("hubRefusedLogin", why.key().orElseThrow());
                assertEquals("The hub refused the user " + user + " or its password", why.getMessage());
                assertEquals("Der Hub hat den Benutzer " + user + " oder sein Passwort abgelehnt",
                        why.message(Locale.GERMAN));
                assertEquals(Optional.of("\u0425\u0430\u0431 \u043e\u0442\u043a\u043b\u043e\u043d\u0438\u043b "
                        + "\u043f\u043e\u043b\u044c\u0437\u043e\u0432\u0430\u0442\u0435\u043b\u044f " + user
                        + " \u0438\u043b\u0438 \u0435\u0433\u043e \u043f\u0430\u0440\u043e\u043b\u044c"),
                        refused.status().problem(Locale.forLanguageTag("ru")), "the status line says it too");
            }
        }
    }

    @Test
    void aHubWhoseNatsPasswordIsWrongEndsAtOnceAndSaysWhy() throws Exception {
        HubConfig config = TestRoster.config();
        HubConfig wrong = new HubConfig(config.pbx(), config.pbxSecret(), config.natsServers(), config.natsUser(),
                "not-the-hub-password", config.natsCertificate(), config.replicas(), config.dialContext(),
                config.roster());
        Leadership standingBy = new Leadership(wrong, mayWrite -> {
            throw new AssertionError("a hub refused by NATS must not lead");
        });
        // each server's refusal took the client's 5 s connection timeout before the next was tried
        IOException why = assertTimeout(Duration.ofSeconds(4), () -> assertThrows(IOException.class,
                () -> standingBy.run(new CountDownLatch(1))));
        assertEquals("the NATS servers " + config.natsServers() + " refused the hub's user hub or its password",
                why.getMessage());
    }

    @Test
    void noServerToReachEndsAtOnceAndSaysSo() throws Exception {
        List<String> nobodyListens = List.of("nats://127.0.0.1:4299");
        try (HubDesktop unreachable = new HubDesktop(new HubLogin(nobodyListens, "alice",
                TestRoster.password("alice")))) {
            HubConnectException why = assertTimeout(Duration.ofSeconds(4), () -> assertThrows(
                    HubConnectException.class, unreachable::connect));
            assertEquals("hubUnreachable", why.key().orElseThrow());
            assertEquals("Kein Server des Hubs ist erreichbar: nats://127.0.0.1:4299", why.message(Locale.GERMAN));
        }
    }

    @Test
    void theBrokerRefusesAUserWhatItsRoleMayNot() throws Exception {
        CompletableFuture<String> violation = new CompletableFuture<>();
        try (Connection asAlice = TestRoster.connect("alice", violation); RawAmi observer = new RawAmi()) {
            Future<?> asCarol = asAlice.request(HubSubjects.action("carol", "call"),
                    "{\"number\":\"200\"}".getBytes(StandardCharsets.UTF_8));
            assertEquals("Permissions Violation for Publish to \"amicus.act.carol.call\"",
                    violation.get(5, TimeUnit.SECONDS));
            assertThrows(Exception.class, () -> asCarol.get(5, TimeUnit.SECONDS), "the hub answered alice as carol");
            // carol's phone never rang
            Evidence.assertNone(observer.eventsUntilNow(), "PJSIP/106", "Newchannel", "OriginateResponse");
        }
        CompletableFuture<String> readOthers = new CompletableFuture<>();
        try (Connection asBob = TestRoster.connect("bob", readOthers)) {
            asBob.subscribe(HubSubjects.inboxPrefix("alice") + ".>");
            assertEquals("Permissions Violation for Subscription to \"_INBOX_alice.>\"",
                    readOthers.get(5, TimeUnit.SECONDS));
        }
        CompletableFuture<String> watchOthers = new CompletableFuture<>();
        try (Connection asBob = TestRoster.connect("bob", watchOthers)) {
            assertThrows(Exception.class, () -> asBob.keyValue(HubSubjects.teamBucket("sales")).keys());
            assertTrue(watchOthers.get(5, TimeUnit.SECONDS).startsWith("Permissions Violation for Publish to "
                    + "\"$JS.API."), watchOthers.get());
        }
    }

    @Test
    void theCallsAnsweredCompletedAndAbandonedInTheQueuesAreToldToEveryDesktop() throws Exception {
        QueueWatcher.resetQueues();
        try (QueueWatcher bobSees = new QueueWatcher(bob.queues()); RawAmi pbxSays = new RawAmi()) {
            QueueChange answered;
            try (SipCall customer = SipCall.customerCalls(SipCall.SALES_DID, "0611000071", "Queue Caller")) {
                answered = bobSees.awaitChange(change -> change.kind() == QueueChange.Kind.CALL_ANSWERED
                        && change.caller().callerIdNumber().equals(customer.caller()), WAIT, "a sales call answered");
                assertEquals("sales", answered.queue());
                assertTrue(List.of("PJSIP/105", "PJSIP/106").contains(answered.member().device()), answered::toString);
            }
            String agent = answered.member().device();
            QueueChange completed = bobSees.awaitChange(change -> change.kind() == QueueChange.Kind.CALL_COMPLETED
                    && change.member().device().equals(agent), WAIT, "the sales call completed");
            assertEquals(pbxSays.awaitEvent("AgentComplete", "Interface", agent).getOrDefault("CallerIDNum", ""),
                    completed.caller().callerIdNumber(), "the caller, as the PBX told the call's end");
            try (SipCall givesUp = SipCall.customerCalls(SipCall.SUPPORT_DID, "0611000072", "Gives Up")) {
                bobSees.await(queues -> queues.byName("support").orElseThrow().callers().stream()
                        .anyMatch(caller -> caller.callerIdNumber().equals(givesUp.caller())), WAIT,
                        "the caller waits in support");
            }
            QueueChange abandoned = bobSees.awaitChange(change -> change.kind() == QueueChange.Kind.CALLER_ABANDONED
                    && change.caller().callerIdNumber().equals("0611000072"), WAIT, "the caller gave up");
            assertEquals("support", abandoned.queue());
        }
    }

    @Test
    void noDesktopUserWritesOrDeletesAnEntryOfAnyBucketNorItsStream() throws Exception {
        List<String> buckets = new ArrayList<>(List.of(HubSubjects.teamBucket("sales"),
                HubSubjects.teamBucket("support"), HubSubjects.userBucket("sam"), HubSubjects.LEASE_BUCKET));
        buckets.addAll(HubSubjects.BOARD_BUCKETS);
        try (Connection asHub = connect("hub")) {
            new HubLease(asHub, "a hub of the test", 3);   // makes the lease's bucket as every hub does first
            for (String user : List.of("alice", "sam")) {   // an agent and a supervisor, each reading some buckets
                BlockingQueue<String> refusals = new LinkedBlockingQueue<>();
                try (Connection hostile = TestRoster.connect(user, refusals::add)) {
                    for (String bucket : buckets) {
                        KeyValue asTheHubReadsIt = asHub.keyValue(bucket);
                        String key = asTheHubReadsIt.keys().stream().findFirst().orElse("forged");
                        KeyValueEntry before = asTheHubReadsIt.get(key);
                        for (Message write : writes(bucket, key)) {
                            hostile.publish(write);
                            assertEquals("Permissions Violation for Publish to \"" + write.getSubject() + "\"",
                                    refusals.poll(WAIT.toSeconds(), TimeUnit.SECONDS), user + " wrote " + write);
                        }
                        KeyValueEntry after = asTheHubReadsIt.get(key);
                        assertEquals(before == null, after == null, user + " changed " + bucket + " " + key);
                        assertTrue(after == null || !Arrays.equals(FORGED, after.getValue()), user + " forged " + key);
                    }
                }
            }
        }
    }

    /**
     * What a desktop would send to change an entry, straight on NATS: a put, a delete and a purge of the key (as the
     * client's key-value API sends them), and JetStream's requests to delete a message of the bucket's stream, purge
     * it, or delete it.
     */
    private static List<Message> writes(String bucket, String key) {
        String entry = "$KV." + bucket + "." + key;
        String stream = HubSubjects.stream(bucket);
        return List.of(NatsMessage.builder().subject(entry).data(FORGED).build(),
                NatsMessage.builder().subject(entry).headers(new Headers().put("KV-Operation", "DEL")).build(),
                NatsMessage.builder().subject(entry).headers(new Headers().put("KV-Operation", "PURGE")
                        .put("Nats-Rollup", "sub")).build(),
                NatsMessage.builder().subject("$JS.API.STREAM.MSG.DELETE." + stream).data("{\"seq\":1}").build(),
                NatsMessage.builder().subject("$JS.API.STREAM.PURGE." + stream).build(),
                NatsMessage.builder().subject("$JS.API.STREAM.DELETE." + stream).build());
    }

    /** The phone's leg of the customer's call once it is as the actions need it: answered, up and bridged. */
    private static Channel talkingTo(RegistryWatcher sees, SipCall customer, String phone) throws Exception {
        return customer.leg(sees.await(seen -> customer.leg(seen, phone).filter(HubTest::talking).isPresent(), WAIT,
                phone + " talks to " + customer.caller()), phone).orElseThrow();
    }

    private static boolean talking(Channel leg) {
        return leg.state() == ChannelState.UP && leg.answered() != null && !leg.bridgedWith().isEmpty();
    }

    /** The call parked in that space once these parked calls show it. */
    private static ParkedCall parkedIn(ParkedCalls parkedCalls, String space) throws Exception {
        return awaitParked(parkedCalls, now -> now.stream().anyMatch(call -> call.space().equals(space)),
                "a call parked in " + space).stream().filter(call -> call.space().equals(space)).findFirst()
                .orElseThrow();
    }

    private static List<ParkedCall> awaitParked(ParkedCalls parkedCalls, Predicate<List<ParkedCall>> expected,
            String what) throws Exception {
        CompletableFuture<List<ParkedCall>> shown = new CompletableFuture<>();
        ParkedCallListener listener = now -> {
            if (expected.test(now)) {
                shown.complete(now);
            }
        };
        parkedCalls.addListener(listener);
        try {
            listener.parkedCallsChanged(parkedCalls.parked());
            return shown.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("not within " + WAIT.toSeconds() + " s: " + what + "; parked: "
                    + parkedCalls.parked(), e);
        } finally {
            parkedCalls.removeListener(listener);
        }
    }

    /** The one queue member of an answer to a queue operation on one queue. */
    private static QueueMember member(CompletableFuture<JsonValue> answer) throws Exception {
        JsonValue members = answer.get(20, TimeUnit.SECONDS);
        assertEquals(1, members.array.size(), members.toJson());
        return RecordJson.as(members.array.get(0), QueueMember.class);
    }

    private static JsonValue text(String value) {
        return new JsonValue(value);
    }

    /** The desktop's message for a refused action; fails if the action was not refused. */
    private static String refusal(CompletableFuture<?> action) throws Exception {
        ExecutionException refused = assertThrows(ExecutionException.class, () -> action.get(20, TimeUnit.SECONDS));
        return assertInstanceOf(CtiException.class, refused.getCause()).getMessage();
    }

    private static Connection connect(String user) throws Exception {
        return TestRoster.connect(user, new CompletableFuture<>());
    }
}

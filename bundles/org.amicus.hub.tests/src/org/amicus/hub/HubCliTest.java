package org.amicus.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeout;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.amicus.ami.AmiConnection;
import org.amicus.ami.OriginateOutcome;
import org.amicus.cli.Cli;
import org.amicus.cli.Terminal;
import org.amicus.cti.Channel;
import org.amicus.cti.ChannelRegistry;
import org.amicus.cti.Colleague;
import org.amicus.cti.ColleagueRegistry;
import org.amicus.testing.QueueWatcher;
import org.amicus.testing.RawAmi;
import org.amicus.testing.RegistryWatcher;
import org.amicus.testing.Services;
import org.amicus.testing.TestCalls;
import org.asteriskjava.manager.action.HangupAction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.nats.client.support.JsonParser;

/**
 * {@code amicus cli} through the hub ({@code --hub} with {@code --user}, the password in the environment): the same
 * commands, as the roster's user, under the hub's role rules; against the real hub, NATS cluster and PBX.
 */
class HubCliTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final Services services = new Services(HubCliTest.class);
    private static AmiConnection pbx;
    private static Hub hub;
    private static Cli cli;

    @BeforeAll
    static void startHub() throws Exception {
        TestRoster.DirectServices direct = TestRoster.DirectServices.of(services);
        hub = TestRoster.startHub(direct);
        pbx = direct.services().pbx();
        cli = services.get(Cli.class);
    }

    @AfterAll
    static void stopHub() throws Exception {
        if (hub != null) {
            hub.close();
        }
        services.close();
    }

    /** What a run printed, and how it ended. */
    private record Run(int exit, String out, String err) {
    }

    private static Run run(String user, String password, String... words) {
        return run(TestRoster.SERVERS, user, password, words);
    }

    private static Run run(List<String> servers, String user, String password, String... words) {
        List<String> args = new ArrayList<>(List.of(words));
        args.addAll(List.of("--hub", String.join(",", servers), "--user", user));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = cli.run(args, Map.of("AMICUS_HUB_PASSWORD", password), new Terminal(new ByteArrayInputStream(
                new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true,
                        StandardCharsets.UTF_8), new CompletableFuture<>()));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void statusSaysAsWhomTheHubServesAndWhichPhoneTheActionsRing() {
        Run status = run("alice", TestRoster.password("alice"), "status");
        assertEquals(0, status.exit(), status.toString());
        assertTrue(status.out().startsWith("Connected through the hub alice@nats://127.0.0.1:4222"), status.out());
        assertTrue(status.out().contains("(agent)"), status.out());
        assertTrue(status.out().contains("My phone: PJSIP/104"), status.out());
    }

    @Test
    void overTlsItTrustsTheCertificateItIsGiven() {
        Run trusting = run(List.of("tls://127.0.0.1:4222"), "alice", TestRoster.password("alice"), "status",
                "--trust-certificate", TestRoster.NATS_CERTIFICATE.toString());
        assertEquals(0, trusting.exit(), trusting.toString());
        assertTrue(trusting.out().startsWith("Connected through the hub alice@tls://127.0.0.1:4222"), trusting.out());
    }

    @Test
    void aWrongPasswordCannotConnectAndSaysSoAtOnce() {
        // the client waited its 5 s connection timeout after each server's refusal before it tried the next
        Run status = assertTimeout(Duration.ofSeconds(4), () -> run("alice", "not-alices-password", "status"));
        assertEquals(7, status.exit(), status.toString());
        assertTrue(status.err().toLowerCase().contains("cannot connect to alice@nats://127.0.0.1:4222"),
                status.err());
        assertTrue(status.err().contains("The hub refused the user alice or its password"), status.err());
    }

    @Test
    void noServerToReachCannotConnectAndSaysSo() {
        Run status = assertTimeout(Duration.ofSeconds(4), () -> run(List.of("nats://127.0.0.1:4299"), "alice",
                TestRoster.password("alice"), "status"));
        assertEquals(7, status.exit(), status.toString());
        assertTrue(status.err().contains("No server of the hub could be reached: nats://127.0.0.1:4299"),
                status.err());
    }

    @Test
    void aSupervisorPicksUpItsTeamsCallAndAnotherTeamsAgentMayNot() throws Exception {
        try (RawAmi observer = new RawAmi(); RegistryWatcher sees = new RegistryWatcher(
                services.get(ChannelRegistry.class))) {
            OriginateOutcome dialling = TestCalls.customerCallsPhone104(pbx);
            Channel ringing = TestCalls.ringingFor(sees.await(seen -> TestCalls.ringingFor(seen,
                    dialling.channelId()) != null, WAIT, "104 rings"), dialling.channelId());

            Run refused = run("bob", TestRoster.password("bob"), "pickup", ringing.name());
            assertEquals(2, refused.exit(), refused.toString());
            assertEquals("amicus cli: " + ringing.name() + " is not a call you may pick up",
                    refused.err().strip());
            List<Map<String, String>> sinceBobAsked = observer.eventsUntilNow();
            Evidence.assertNone(sinceBobAsked, ringing.name(), "Pickup");
            Evidence.assertNone(sinceBobAsked, "PJSIP/107", "Newchannel", "OriginateResponse");

            Run pickedUp = run("sam", TestRoster.password("sam"), "pickup", ringing.name());
            assertEquals(0, pickedUp.exit(), pickedUp.toString());
            assertTrue(pickedUp.out().startsWith("Answered"), pickedUp.out());
            assertTrue(pickedUp.out().contains("PJSIP/108"), pickedUp.out());
            pbx.send(new HangupAction(dialling.channelId()), WAIT).get(20, TimeUnit.SECONDS);
            sees.await(seen -> seen.byUniqueId(dialling.channelId()).isEmpty(), WAIT, "the call has ended");
        }
    }

    @Test
    void anAgentPausesItselfWithAReasonAndMayNotPauseAColleague() throws Exception {
        QueueWatcher.resetQueues();
        try (RawAmi observer = new RawAmi()) {
            Run refused = run("alice", TestRoster.password("alice"), "queue", "pause", "--queue", "sales", "--device",
                    "PJSIP/106");
            assertEquals(2, refused.exit(), refused.toString());
            Evidence.assertNone(observer.eventsUntilNow(), "", "QueueMemberPause");

            Run paused = run("carol", TestRoster.password("carol"), "queue", "pause", "--queue", "sales", "--reason",
                    "Lunch");
            assertEquals(0, paused.exit(), paused.toString());
            assertEquals("sales: PJSIP/106 paused (Lunch)", paused.out().strip());
            assertEquals("Lunch", observer.awaitEvent("QueueMemberPause", "Interface", "PJSIP/106")
                    .get("PausedReason"));
            Run back = run("carol", TestRoster.password("carol"), "queue", "unpause", "--queue", "sales");
            assertEquals(0, back.exit(), back.toString());
            assertEquals("0", observer.awaitEvent("QueueMemberPause", "Interface", "PJSIP/106").get("Paused"));
        } finally {
            QueueWatcher.resetQueues();
        }
    }

    @Test
    void theColleaguesAndTheParkedCallsAreListedThroughTheHub() throws Exception {
        Run colleagues = run("alice", TestRoster.password("alice"), "colleagues", "--json");
        assertEquals(0, colleagues.exit(), colleagues.toString());
        List<String> listed = colleagues.out().lines()
                .map(line -> JsonParser.parseUnchecked(line.toCharArray()).map.get("extension").string).toList();
        assertEquals(services.get(ColleagueRegistry.class).colleagues().stream().map(Colleague::extension).toList(),
                listed, "as the hub's own registry lists them");

        Run parked = run("bob", TestRoster.password("bob"), "parked");
        assertEquals(0, parked.exit(), parked.toString());
        assertTrue(parked.out().startsWith("SPACE"), parked.out());
    }
}

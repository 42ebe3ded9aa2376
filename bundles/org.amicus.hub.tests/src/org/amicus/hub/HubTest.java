package org.amicus.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.amicus.ami.AmiConnection;
import org.amicus.ami.OriginateOutcome;
import org.amicus.ami.OriginateOutcome.Result;
import org.amicus.cti.Channel;
import org.amicus.cti.ChannelRegistry;
import org.amicus.cti.CtiActions;
import org.amicus.cti.CtiException;
import org.amicus.cti.SpyMode;
import org.amicus.cti.hub.HubDesktop;
import org.amicus.cti.hub.HubLogin;
import org.amicus.cti.hub.HubSubjects;
import org.amicus.testing.RawAmi;
import org.amicus.testing.RegistryWatcher;
import org.amicus.testing.Services;
import org.amicus.testing.TestCalls;
import org.amicus.testing.TestPbx;
import org.asteriskjava.manager.action.HangupAction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.nats.client.Connection;
import io.nats.client.ErrorListener;
import io.nats.client.Nats;
import io.nats.client.Options;

/**
 * The hub against the real test PBX and the real 3-node NATS cluster of releng/test-nats, with the NATS accounts the
 * hub writes for its roster, and desktops in hub mode as the product makes them. The roster: agents alice (phone 104,
 * which rings and never answers) and carol (106, answers) in team sales, bob (107) in team support, and sam (108,
 * answers) who supervises sales.
 */
class HubTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final List<String> SERVERS = List.of("nats://127.0.0.1:4222", "nats://127.0.0.1:4223",
            "nats://127.0.0.1:4224");
    private static final String PASSWORD_SUFFIX = "-password-for-tests";

    private static final Services services = new Services(HubTest.class);
    private static AmiConnection pbx;
    private static Hub hub;
    private static HubDesktop alice;
    private static HubDesktop carol;
    private static HubDesktop bob;
    private static HubDesktop sam;

    @BeforeAll
    static void startHubAndDesktops() throws Exception {
        Path config = Files.createTempFile("amicus-hub", ".json");
        Files.writeString(config, """
                {
                  "pbx": { "host": "%s", "port": %d, "user": "amicus", "secret": "%s" },
                  "nats": { "servers": ["%s"], "user": "hub", "password": "hub%s", "replicas": 3 },
                  "dialContext": "%s",
                  "users": [
                    { "user": "alice", "password": "alice%5$s", "role": "agent", "phone": "PJSIP/104", "team": "sales" },
                    { "user": "carol", "password": "carol%5$s", "role": "agent", "phone": "PJSIP/106", "team": "sales" },
                    { "user": "bob", "password": "bob%5$s", "role": "agent", "phone": "PJSIP/107", "team": "support" },
                    { "user": "sam", "password": "sam%5$s", "role": "supervisor", "phone": "PJSIP/108", "teams": ["sales"] }
                  ]
                }
                """.formatted(TestPbx.HOST, TestPbx.PORT, TestPbx.SECRET, String.join("\", \"", SERVERS),
                PASSWORD_SUFFIX, TestPbx.CONTEXT));
        HubConfig hubConfig = HubConfig.read(config);
        Files.delete(config);
        Path accounts = Files.createTempFile("amicus-nats-accounts", ".conf");
        Files.writeString(accounts, NatsConfig.accounts(hubConfig));
        startNats(accounts);   // the script keeps its own copy
        Files.delete(accounts);
        pbx = services.get(AmiConnection.class);
        hub = Hub.start(hubConfig, pbx, services.get(ChannelRegistry.class), services.get(CtiActions.class));
        alice = desktop("alice");
        carol = desktop("carol");
        bob = desktop("bob");
        sam = desktop("sam");
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
                RegistryWatcher carolSees = new RegistryWatcher(carol.registry())) {
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
            OriginateOutcome pickedUp = carol.actions().pickUp(ringing.name()).get(40, TimeUnit.SECONDS);
            assertEquals(Result.ANSWERED, pickedUp.result(), pickedUp.describe());

            pbx.send(new HangupAction(customer), WAIT).get(20, TimeUnit.SECONDS);
            carolSees.await(seen -> seen.byUniqueId(customer).isEmpty() && seen.byUniqueId(pickedUp.channelId())
                    .isEmpty(), WAIT, "the call is gone from carol's desktop");
        }
    }

    @Test
    void anAgentsCallRingsItsOwnPhoneAndOnlyItsOwnCallsMayItHangUp() throws Exception {
        try (RegistryWatcher carolSees = new RegistryWatcher(carol.registry())) {
            OriginateOutcome call = carol.actions().call("200").get(40, TimeUnit.SECONDS);
            assertEquals(Result.ANSWERED, call.result(), call.describe());
            Channel onHerPhone = carolSees.await(seen -> seen.byUniqueId(call.channelId()).isPresent(), WAIT,
                    "carol's call on her desktop").byUniqueId(call.channelId()).orElseThrow();
            assertEquals("PJSIP/106", onHerPhone.device());

            assertEquals(onHerPhone.name() + " is not your call", refusal(alice.actions().hangUp(call.channelId())));
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
    void theBrokerRefusesAUserWhatItsRoleMayNot() throws Exception {
        CompletableFuture<String> violation = new CompletableFuture<>();
        try (Connection asAlice = connect("alice", violation)) {
            Future<?> asCarol = asAlice.request(HubSubjects.action("carol", "call"),
                    "{\"number\":\"200\"}".getBytes(StandardCharsets.UTF_8));
            assertEquals("Permissions Violation for Publish to \"amicus.act.carol.call\"",
                    violation.get(5, TimeUnit.SECONDS));
            assertThrows(Exception.class, () -> asCarol.get(5, TimeUnit.SECONDS), "the hub answered alice as carol");
        }
        CompletableFuture<String> readOthers = new CompletableFuture<>();
        try (Connection asBob = connect("bob", readOthers)) {
            asBob.subscribe(HubSubjects.inboxPrefix("alice") + ".>");
            assertEquals("Permissions Violation for Subscription to \"_INBOX_alice.>\"",
                    readOthers.get(5, TimeUnit.SECONDS));
        }
        CompletableFuture<String> watchOthers = new CompletableFuture<>();
        try (Connection asBob = connect("bob", watchOthers)) {
            assertThrows(Exception.class, () -> asBob.keyValue(HubSubjects.teamBucket("sales")).keys());
            assertTrue(watchOthers.get(5, TimeUnit.SECONDS).startsWith("Permissions Violation for Publish to "
                    + "\"$JS.API."), watchOthers.get());
        }
    }

    /** The desktop's message for a refused action; fails if the action was not refused. */
    private static String refusal(CompletableFuture<?> action) throws Exception {
        ExecutionException refused = assertThrows(ExecutionException.class, () -> action.get(20, TimeUnit.SECONDS));
        return assertInstanceOf(CtiException.class, refused.getCause()).getMessage();
    }

    private static HubDesktop desktop(String user) throws Exception {
        return HubDesktop.connect(new HubLogin(SERVERS, user, user + PASSWORD_SUFFIX));
    }

    private static Connection connect(String user) throws Exception {
        return connect(user, new CompletableFuture<>());
    }

    /** A bare NATS client as the user, with its own inbox prefix; the server's first error completes the future. */
    private static Connection connect(String user, CompletableFuture<String> firstError) throws Exception {
        return Nats.connect(Options.builder().servers(SERVERS.toArray(String[]::new))
                .userInfo(user, user + PASSWORD_SUFFIX).inboxPrefix(HubSubjects.inboxPrefix(user))
                .errorListener(new ErrorListener() {
                    @Override
                    public void errorOccurred(Connection connection, String error) {
                        firstError.complete(error);
                    }
                }).build());
    }

    /** Starts the test NATS cluster with these accounts, or makes the running one reload them. */
    private static void startNats(Path accounts) throws Exception {
        Path script = Path.of(System.getProperty("amicus.test.pbx.scripts", "releng/test-pbx"))
                .resolveSibling("test-nats").resolve("start");
        Process process = new ProcessBuilder(script.toString(), accounts.toString()).inheritIO().start();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError(script + " failed");
        }
    }
}

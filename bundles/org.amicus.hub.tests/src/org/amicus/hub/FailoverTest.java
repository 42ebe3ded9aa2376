package org.amicus.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.amicus.ami.AmiConnection;
import org.amicus.ami.ConnectionState;
import org.amicus.cti.ChannelRegistry;
import org.amicus.cti.ColleagueRegistry;
import org.amicus.cti.ParkedCalls;
import org.amicus.cti.QueueRegistry;
import org.amicus.cti.hub.HubDesktop;
import org.amicus.cti.hub.HubStatus;
import org.amicus.cti.hub.HubStatusListener;
import org.amicus.testing.RegistryWatcher;
import org.amicus.testing.Services;
import org.amicus.testing.SipCall;
import org.amicus.testing.StatusRecorder;
import org.amicus.testing.TestPbx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failures of the parts of a contact centre, with production-shaped calls: a NATS node, the leading hub, the PBX.
 * Two {@code amicus hub run} processes share one configuration (one leads, one stands by), against the real 3-node
 * NATS cluster and the real test PBX; a desktop in hub mode (alice, team sales) must say what happens and end up
 * with what the PBX lists in {@code CoreShowChannels}. Every call here touches a phone of team sales, so that alice's
 * switchboard is the whole PBX's.
 */
class FailoverTest {

    private static final Duration START = Duration.ofSeconds(60);   // a JVM and its OSGi framework, on a busy machine
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final Duration HUB_GONE_KNOWN = Duration.ofSeconds(3);
    private static final Duration TAKEOVER = Duration.ofSeconds(5);
    private static final int[] NATS_MONITORING_PORTS = { 8222, 8223, 8224 };

    @TempDir
    static Path folder;
    private static final Services services = new Services(FailoverTest.class);
    private static final List<HubProcess> hubs = new ArrayList<>();
    private static Path config;
    private static AmiConnection pbx;
    private static HubDesktop alice;
    private static int started;

    @BeforeAll
    static void startTwoHubsAndADesktop() throws Exception {
        config = TestRoster.write(folder.resolve("hub.json"));
        TestRoster.startNats(HubConfig.read(config));
        HubProcess first = startHub();
        first.await(HubProcess.LEADS, START);
        startHub().await(HubProcess.STANDS_BY, START);
        pbx = services.get(AmiConnection.class);
        List<CompletableFuture<?>> listings = List.of(services.get(ChannelRegistry.class).nextResync(),
                services.get(QueueRegistry.class).nextResync(), services.get(ColleagueRegistry.class).nextResync(),
                services.get(ParkedCalls.class).nextResync());
        pbx.connect(TestPbx.fullRights(), TestPbx.SECRET).get(20, TimeUnit.SECONDS);
        CompletableFuture.allOf(listings.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);
        alice = TestRoster.desktop("alice");
    }

    /** Each test begins with a hub leading and the desktop served: the test before may have left a takeover going. */
    @BeforeEach
    void settled() throws Exception {
        leader();
        try (Statuses statuses = new Statuses(alice.status())) {
            if (alice.status().problem().isPresent()) {
                statuses.await(Statuses.SERVED, WAIT);
            }
        }
    }

    @AfterAll
    static void stopAll() throws Exception {
        if (alice != null) {
            alice.close();
        }
        for (HubProcess hub : hubs) {
            hub.close();
        }
        if (pbx != null) {
            pbx.disconnect().get(10, TimeUnit.SECONDS);
        }
        services.close();
    }

    @Test
    void whenTheLeadingHubDiesTheDesktopSaysSoAndTheStandbyTakesOverWithItsBucketsResynced() throws Exception {
        HubProcess leader = leader();
        try (Statuses statuses = new Statuses(alice.status()); RegistryWatcher aliceSees = new RegistryWatcher(
                alice.registry()); SipCall ending = SipCall.phoneDials("105", "106")) {
            aliceSees.await(seen -> ending.leg(seen, "PJSIP/106").isPresent(), WAIT, "105 calls carol's 106");

            HubProcess standby = standby();
            int logged = standby.logged();
            leader.kill();
            long killed = System.nanoTime();
            ending.close();                     // ends while no hub writes: its entries are stale
            try (SipCall arriving = SipCall.customerCalls(SipCall.directLine("104"), "0301234567", "New Customer")) {
                standby.await(HubProcess.LEADS, logged, TAKEOVER.plus(WAIT));
                long takeoverMillis = millisSince(killed);
                aliceSees.await(seen -> arriving.leg(seen, "PJSIP/104").isPresent(), WAIT, "the new call rings 104");
                aliceSees.awaitSameAsPbx(pbx);  // the ended call is gone, nothing is missing
                statuses.awaitServed(WAIT);
                // the desktop says the hub is gone once it misses its heartbeats, unless the standby beats first
                Optional<Long> unavailableMillis = statuses.firstSince(Statuses.NOT_SERVED, killed);
                System.out.println("[figure] leading hub killed: the desktop knew in " + unavailableMillis.map(
                        String::valueOf).orElse("– (never unserved)") + " ms, the standby served it again after "
                        + takeoverMillis + " ms");
                if (unavailableMillis.isPresent()) {
                    assertEquals(Optional.of("The hub is unavailable"), statuses.seen().get(0));
                }
                assertTrue(unavailableMillis.orElse(0L) <= HUB_GONE_KNOWN.toMillis(), unavailableMillis + " ms");
                assertTrue(takeoverMillis <= TAKEOVER.toMillis(), takeoverMillis + " ms");
            }
            aliceSees.awaitSameAsPbx(pbx);
        }
        hubs.remove(leader);
        startHub().await(HubProcess.STANDS_BY, START);   // as a service manager restarts it
    }

    @Test
    void whenTheDesktopsNatsNodeDiesItReconnectsToAnotherAndKeepsACorrectSwitchboard() throws Exception {
        try (Statuses statuses = new Statuses(alice.status()); RegistryWatcher aliceSees = new RegistryWatcher(
                alice.registry()); SipCall before = SipCall.phoneDials("105", "106")) {
            aliceSees.await(seen -> before.leg(seen, "PJSIP/106").isPresent(), WAIT, "105 calls carol's 106");

            int node = natsNodeOf("amicus-desktop-alice");
            killNatsNode(node);
            long killed = System.nanoTime();
            before.close();
            try (SipCall during = SipCall.customerCalls(SipCall.directLine("104"), "0307654321", "Other Customer")) {
                statuses.await(Statuses.NOT_SERVED, WAIT);
                statuses.await(Statuses.SERVED, WAIT);
                System.out.println("[figure] NATS node n" + node + " killed: the desktop was served again after "
                        + millisSince(killed) + " ms, through n" + natsNodeOf("amicus-desktop-alice"));
                aliceSees.await(seen -> during.leg(seen, "PJSIP/104").isPresent(), WAIT, "the new call rings 104");
                aliceSees.awaitSameAsPbx(pbx);
            }
            aliceSees.awaitSameAsPbx(pbx);
        } finally {
            TestRoster.natsScript("start");   // brings the killed node back
        }
    }

    @Test
    void whenThePbxCrashesTheHubResyncsAndTheDesktopConvergesWithoutReconnecting() throws Exception {
        StatusRecorder pbxStatuses = new StatusRecorder();
        pbx.addStatusListener(pbxStatuses);
        try (Statuses statuses = new Statuses(alice.status()); RegistryWatcher aliceSees = new RegistryWatcher(
                alice.registry()); SipCall lost = SipCall.phoneDials("105", "106")) {
            aliceSees.await(seen -> lost.leg(seen, "PJSIP/106").isPresent(), WAIT, "105 calls carol's 106");

            TestPbx.crash();
            pbxStatuses.awaitNext(status -> status.state() == ConnectionState.RECONNECTING, WAIT);
            TestPbx.start();
            pbxStatuses.awaitNext(status -> status.state() == ConnectionState.CONNECTED, WAIT);
            aliceSees.await(seen -> lost.calling(seen).isEmpty(), WAIT, "the call lost in the crash is gone");
            try (SipCall after = SipCall.customerCalls(SipCall.directLine("106"), "0309999999", "Next Customer")) {
                aliceSees.await(seen -> after.leg(seen, "PJSIP/106").isPresent(), WAIT, "a customer after the crash");
                aliceSees.awaitSameAsPbx(pbx);
            }
            assertEquals(List.of(), statuses.seen(), "the desktop's hub status changed");
        } finally {
            pbx.removeStatusListener(pbxStatuses);
        }
    }

    private static HubProcess startHub() throws Exception {
        HubProcess hub = HubProcess.start("hub" + ++started, config, folder);
        hubs.add(hub);
        return hub;
    }

    /** A hub alive that stands by now, by what each logged last. */
    private static HubProcess standby() {
        return hubs.stream().filter(hub -> hub.alive() && !hub.leads()).findFirst()
                .orElseThrow(() -> new AssertionError("no hub stands by"));
    }

    /** The hub that leads, by what each logged last: after a failure a standby may still be taking over. */
    private static HubProcess leader() throws InterruptedException {
        return HubProcess.awaitLeader(hubs, WAIT);
    }

    /** Which node (1 to 3) of the test cluster holds the connection of this name, from the nodes' monitoring. */
    private static int natsNodeOf(String connectionName) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < NATS_MONITORING_PORTS.length; i++) {
            String connections;
            try {
                connections = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + NATS_MONITORING_PORTS[i] + "/connz")).timeout(Duration.ofSeconds(5)).build(),
                        BodyHandlers.ofString()).body();
            } catch (ConnectException e) {
                continue;   // a node that is down holds nothing
            }
            if (connections.contains("\"name\": \"" + connectionName + "\"")) {
                return i + 1;
            }
        }
        throw new AssertionError("no node holds the connection " + connectionName);
    }

    /** Kills a node of the test cluster at once (SIGKILL), found by its pid file and checked by name. */
    private static void killNatsNode(int node) throws Exception {
        Path pidFile = Path.of(System.getenv().getOrDefault("AMICUS_TEST_PBX_DIR", "/var/cache/amicus/test-pbx"))
                .resolve("root/run/nats-amicus/n" + node + ".pid");
        long pid = Long.parseLong(Files.readString(pidFile).trim());
        ProcessHandle nats = ProcessHandle.of(pid).orElseThrow();
        assertEquals(Optional.of("nats-server"), Files.readString(Path.of("/proc/" + pid + "/comm")).lines()
                .findFirst(), "the pid file of n" + node + " names another process");
        nats.destroyForcibly();
        nats.onExit().get(10, TimeUnit.SECONDS);
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    /** Every change of a desktop's hub status (its problem, empty while served), to be awaited in order. */
    private static final class Statuses implements HubStatusListener, AutoCloseable {

        static final Predicate<Optional<String>> SERVED = Optional::isEmpty;
        static final Predicate<Optional<String>> NOT_SERVED = Optional::isPresent;

        private final HubStatus status;
        private final List<Optional<String>> seen = new ArrayList<>();
        private final List<Long> seenAt = new ArrayList<>();   // System.nanoTime()
        private int consumed;

        Statuses(HubStatus status) {
            this.status = status;
            status.addListener(this);
        }

        @Override
        public synchronized void hubStatusChanged(HubStatus now) {
            seen.add(now.problem());
            seenAt.add(System.nanoTime());
            notifyAll();
        }

        /** Waits for the next change after those awaited that matches, and returns its problem. */
        synchronized Optional<String> await(Predicate<Optional<String>> matching, Duration timeout)
                throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                for (; consumed < seen.size(); consumed++) {
                    if (matching.test(seen.get(consumed))) {
                        return seen.get(consumed++);
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("no such hub status within " + timeout + "; saw " + seen);
                }
                wait(Math.max(1, left / 1_000_000));
            }
        }

        /** Waits until the desktop is served, if it is not now. */
        synchronized void awaitServed(Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!seen.isEmpty() && seen.get(seen.size() - 1).isPresent()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("not served again within " + timeout + "; saw " + seen);
                }
                wait(Math.max(1, left / 1_000_000));
            }
        }

        /** How long after that moment the first change that matches came, if one did. */
        synchronized Optional<Long> firstSince(Predicate<Optional<String>> matching, long nanos) {
            for (int i = 0; i < seen.size(); i++) {
                if (matching.test(seen.get(i)) && seenAt.get(i) >= nanos) {
                    return Optional.of((seenAt.get(i) - nanos) / 1_000_000);
                }
            }
            return Optional.empty();
        }

        synchronized List<Optional<String>> seen() {
            return List.copyOf(seen);
        }

        @Override
        public void close() {
            status.removeListener(this);
        }
    }
}

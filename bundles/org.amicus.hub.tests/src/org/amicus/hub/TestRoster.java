package org.amicus.hub;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.amicus.ami.AmiConnection;
import org.amicus.cti.ChannelRegistry;
import org.amicus.cti.ColleagueRegistry;
import org.amicus.cti.CtiActions;
import org.amicus.cti.ParkedCalls;
import org.amicus.cti.QueueActions;
import org.amicus.cti.QueueRegistry;
import org.amicus.cti.hub.HubDesktop;
import org.amicus.cti.hub.HubLogin;
import org.amicus.cti.hub.HubSubjects;
import org.amicus.testing.Services;
import org.amicus.testing.TestPbx;

import io.nats.client.Connection;
import io.nats.client.ErrorListener;
import io.nats.client.Nats;
import io.nats.client.Options;

/**
 * The hub's configuration for the tests, against the real test PBX and the real 3-node NATS cluster of
 * releng/test-nats, which runs with the accounts the hub writes for this roster: agents alice (phone 104, which rings
 * and never answers) and carol (106, answers; a static member of the queue sales) in team sales, bob (107) in team support, and sam (108, answers) who
 * supervises sales.
 */
final class TestRoster {

    /** For a hub the tests start without a lease: it may always write. */
    static final BooleanSupplier ALWAYS = () -> true;
    static final List<String> SERVERS = List.of("nats://127.0.0.1:4222", "nats://127.0.0.1:4223",
            "nats://127.0.0.1:4224");
    /** The test cluster's self-signed certificate (localhost, 127.0.0.1): its clients' ports speak TLS too. */
    static final Path NATS_CERTIFICATE = Path.of(System.getenv().getOrDefault("AMICUS_TEST_PBX_DIR",
            "/var/cache/amicus/test-pbx"), "amicus-nats.crt");
    private static final String PASSWORD_SUFFIX = "-password-for-tests";

    private TestRoster() {
    }

    /** Writes the configuration file. */
    static Path write(Path file) throws Exception {
        return Files.writeString(file, """
                {
                  "pbx": { "host": "%s", "port": %d, "user": "amicus-hub", "secret": "%s" },
                  "nats": { "servers": ["%s"], "user": "hub", "password": "hub%s", "replicas": 3 },
                  "dialContext": "%s",
                  "users": [
                    { "user": "alice", "password": "alice%5$s", "role": "agent", "phone": "PJSIP/104", "team": "sales" },
                    { "user": "carol", "password": "carol%5$s", "role": "agent", "phone": "PJSIP/106", "team": "sales" },
                    { "user": "bob", "password": "bob%5$s", "role": "agent", "phone": "PJSIP/107", "team": "support" },
                    { "user": "sam", "password": "sam%5$s", "role": "supervisor", "phone": "PJSIP/108", "teams": ["sales"] }
                  ]
                }
                """.formatted(TestPbx.HOST, TestPbx.PORT, TestPbx.HUB_SECRET, String.join("\", \"", SERVERS),
                PASSWORD_SUFFIX, TestPbx.CONTEXT));
    }

    /** The direct mode's services the hub runs on, as OSGi gives them to the test before hub mode stands in. */
    /** The hub's services on the test PBX, and the listings they await. */
    record DirectServices(PbxServices services, List<CompletableFuture<?>> listings) {

        /** Taken once the queues, colleagues and parked calls have been read. */
        static DirectServices of(Services services) throws Exception {
            List<CompletableFuture<?>> listings = List.of(services.get(QueueRegistry.class).nextResync(),
                    services.get(ColleagueRegistry.class).nextResync(), services.get(ParkedCalls.class).nextResync());
            return new DirectServices(new PbxServices(services.get(AmiConnection.class),
                    services.get(ChannelRegistry.class), services.get(CtiActions.class),
                    services.get(QueueActions.class), services.get(QueueRegistry.class),
                    services.get(ColleagueRegistry.class), services.get(ParkedCalls.class)), listings);
        }
    }

    /** Starts the test NATS cluster with this roster's accounts, and a hub serving it on these services. */
    static Hub startHub(DirectServices on) throws Exception {
        HubConfig hubConfig = config();
        startNats(hubConfig);
        Hub hub = Hub.start(hubConfig, on.services(), ALWAYS);
        CompletableFuture.allOf(on.listings().toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);
        return hub;
    }

    /** The configuration, as the hub reads it from its file. */
    static HubConfig config() throws Exception {
        Path file = write(Files.createTempFile("amicus-hub", ".json"));
        try {
            return HubConfig.read(file);
        } finally {
            Files.delete(file);
        }
    }

    /** Starts the test NATS cluster with the accounts for this configuration, or makes the running one reload them. */
    static void startNats(HubConfig config) throws Exception {
        Path accounts = Files.createTempFile("amicus-nats-accounts", ".conf");
        try {
            Files.writeString(accounts, NatsConfig.accounts(config));
            natsScript("start", accounts.toString());   // the script keeps its own copy
        } finally {
            Files.delete(accounts);
        }
    }

    /** Runs a script of releng/test-nats, e.g. {@code start} (which also starts a node that was killed). */
    static void natsScript(String script, String... args) throws Exception {
        Path path = Path.of(System.getProperty("amicus.test.pbx.scripts", "releng/test-pbx")).resolveSibling(
                "test-nats").resolve(script);
        List<String> command = new ArrayList<>(List.of(path.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).inheritIO().start();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError(path + " failed");
        }
    }

    /** A desktop in hub mode as the product makes it, connected as this user. */
    static HubDesktop desktop(String user) throws Exception {
        return HubDesktop.connect(new HubLogin(SERVERS, user, password(user)));
    }

    static String password(String user) {
        return user + PASSWORD_SUFFIX;
    }

    /** A bare NATS client as the user, with its own inbox prefix; the server's first error completes the future. */
    static Connection connect(String user, CompletableFuture<String> firstError) throws Exception {
        return connect(user, firstError::complete);
    }

    /** A bare NATS client as the user, with its own inbox prefix, that tells each error of the server. */
    static Connection connect(String user, Consumer<String> errors) throws Exception {
        return Nats.connect(Options.builder().servers(SERVERS.toArray(String[]::new))
                .userInfo(user, user + PASSWORD_SUFFIX).inboxPrefix(HubSubjects.inboxPrefix(user))
                .errorListener(new ErrorListener() {
                    @Override
                    public void errorOccurred(Connection connection, String error) {
                        errors.accept(error);
                    }
                }).build());
    }
}

package org.amicus.reliability.tests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.amicus.ami.AmiProfile;
import org.amicus.ami.AmiProfiles;
import org.amicus.ami.AmiSecrets;
import org.amicus.ami.ConnectionState;
import org.amicus.testing.TestPbx;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

/**
 * A secret, stored and used for every kind of login that fails and for one that works, then is lost and refused:
 * it shows in no log line, no preferences or other file Amicus writes (the secure storage holds it encrypted), no
 * exception message, no status and no {@code toString()}; nor does it travel to the PBX (the login sends a digest).
 * The status line of the UI shows the statuses checked here ({@code ConnectionStatusControlTest} checks the widget).
 */
class SecretsNowhereTest extends AgainstFakeServer {

    @Test
    void theSecretShowsNowhere() throws Exception {
        String secret = "never-shown-" + UUID.randomUUID();
        AmiProfile profile = new AmiProfile("Secret-keeping-" + UUID.randomUUID(), "127.0.0.1",
                fake.profile().port(), false, FakeAmiServer.USER);
        AmiProfiles profiles = services.get(AmiProfiles.class);
        AmiSecrets secrets = services.get(AmiSecrets.class);
        profiles.save(profile);
        secrets.save(profile, secret);
        List<String> said = new ArrayList<>();
        connection.addStatusListener(status -> said.add(status.describe() + " " + status));
        try {
            failToConnect(profile, secret, said); // the fake PBX refuses it
            failToConnect(TestPbx.fullRights(), secret, said); // the real PBX refuses it
            failToConnect(new AmiProfile("TLS", "localhost", TestPbx.TLS_PORT, true, "amicus"), secret, said);
            failToConnect(new AmiProfile("Nobody", "127.0.0.1", 9, false, "amicus"), secret, said);
            fake.answer("Login", login -> "Response: Success\r\nActionID: " + login.get("ActionID")
                    + "\r\nMessage: Authentication accepted\r\n\r\n");
            connection.connect(profile, secrets.find(profile).orElseThrow(), QUICK).get(10, TimeUnit.SECONDS);
            connection.addStatusListener(statuses);
            fake.behaveNormally(); // refuses the reconnects now
            fake.closeConnection();
            statuses.awaitNext(s -> s.state() == ConnectionState.FAILED, TIMEOUT);
            said.add(profile.toString());

            said.forEach(text -> assertFalse(text.contains(secret), text));
            fake.received().forEach(action -> assertFalse(action.toString().contains(secret), "sent: " + action));
            String written = everythingWritten();
            assertTrue(written.contains(profile.name()), "the preferences were searched");
            assertTrue(written.contains("Cannot connect to " + TestPbx.fullRights().server()), "the log was searched");
            assertFalse(written.contains(secret), "a file holds the secret");
        } finally {
            secrets.delete(profile);
            profiles.delete(profile.name());
        }
    }

    private void failToConnect(AmiProfile profile, String secret, List<String> said) throws Exception {
        connection.connect(profile, secret, QUICK).handle((ok, failure) -> {
            for (Throwable t = failure; t != null; t = t.getCause()) {
                said.add(t.toString());
            }
            return null;
        }).get(15, TimeUnit.SECONDS);
    }

    /** The log, the preferences and every other file in the instance and configuration areas, the secure storage. */
    private static String everythingWritten() throws IOException {
        BundleContext context = FrameworkUtil.getBundle(SecretsNowhereTest.class).getBundleContext();
        StringBuilder written = new StringBuilder(Files.readString(TestLog.FILE, StandardCharsets.ISO_8859_1));
        for (Path area : List.of(Path.of(URI.create(context.getProperty("osgi.instance.area"))),
                Path.of(URI.create(context.getProperty("osgi.configuration.area"))),
                Path.of(System.getProperty("amicus.secrets.dir")))) {
            try (Stream<Path> files = Files.walk(area)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    written.append(Files.readString(file, StandardCharsets.ISO_8859_1));
                }
            }
        }
        return written.toString();
    }
}

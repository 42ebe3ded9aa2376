package org.amicus.ami.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.amicus.ami.AmiProfile;
import org.amicus.ami.AmiSecrets;
import org.amicus.testing.AgainstTestPbx;
import org.amicus.testing.TestPbx;
import org.junit.jupiter.api.Test;

/** Secrets are kept encrypted, and never show in what Amicus writes or says. */
class SecretsTest extends AgainstTestPbx {

    private static final Path DIRECTORY = Path.of(System.getProperty("amicus.secrets.dir"));

    @Test
    void keepsSecretsEncryptedPerServer() throws Exception {
        AmiSecrets secrets = services.get(AmiSecrets.class);
        AmiProfile profile = new AmiProfile("Somewhere", "pbx.example", 5038, false, "agent-" + UUID.randomUUID());
        String secret = "s3cret-" + UUID.randomUUID();

        secrets.save(profile, secret);

        assertEquals(Optional.of(secret), secrets.find(profile));
        assertEquals(Optional.of(secret), secrets.find(new AmiProfile("Renamed", "pbx.example", 5038, false,
                profile.username())), "the display name does not matter");
        assertFalse(Files.readString(DIRECTORY.resolve("secure-storage"), StandardCharsets.ISO_8859_1)
                .contains(secret), "the storage file holds no plain secret");
        for (String file : new String[] { "secure-storage", "secure-storage.key" }) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(
                    DIRECTORY.resolve(file))), file);
        }

        secrets.delete(profile);
        assertEquals(Optional.empty(), secrets.find(profile));
    }

    @Test
    void noLogLineOrMessageHoldsTheSecret() throws Exception {
        String secret = "never-shown-" + UUID.randomUUID();
        ExecutionException failure = assertThrows(ExecutionException.class,
                () -> connection.connect(TestPbx.fullRights(), secret).get(15, TimeUnit.SECONDS));
        for (Throwable t = failure; t != null; t = t.getCause()) {
            assertFalse(String.valueOf(t.getMessage()).contains(secret), t.toString());
        }
        assertFalse(connection.status().toString().contains(secret));
        Path log = Path.of(System.getProperty("org.slf4j.simpleLogger.logFile"));
        String logged = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(logged.contains("Cannot connect to " + TestPbx.fullRights().server()),
                "the failed login is logged");
        assertFalse(logged.contains(secret), "the log holds the secret");
    }
}

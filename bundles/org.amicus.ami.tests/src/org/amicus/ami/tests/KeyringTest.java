package org.amicus.ami.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;

import org.amicus.ami.AmiProfile;
import org.amicus.ami.internal.SecureStorageSecrets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * With a desktop keyring (GNOME Keyring's Secret Service, reached by Equinox's libsecret provider), the secure
 * storage's master password lives in the keyring and no key file is written; secrets stored under a key file before
 * move under the keyring's; a new storage leaves the keyring alone while another storage relies on it; and one opened
 * when the keyring has gone keeps a key file, never a secret in plain text (Equinox's own fallback).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KeyringTest {

    /** The ID under which Equinox registers its libsecret provider. */
    private static final String KEYRING_PROVIDER = "org.eclipse.equinox.security.linuxkeystoreintegrationjna";
    /** What Equinox names a secret under the password given as the storage opens: the key file's. */
    private static final String FILE_KEY = "org.eclipse.equinox.security.noModule";

    private static DesktopKeyring keyring;

    @TempDir
    Path directory;

    @BeforeAll
    static void startKeyring() throws Exception {
        keyring = new DesktopKeyring();
    }

    @AfterAll
    static void stopKeyring() throws Exception {
        keyring.close();
    }

    @Test
    void theMasterPasswordLivesInTheKeyring() throws Exception {
        SecureStorageSecrets secrets = new SecureStorageSecrets();
        secrets.open(directory, List.of());
        AmiProfile profile = profile();
        String secret = "s3cret-" + UUID.randomUUID();

        secrets.save(profile, secret);

        assertEquals(Optional.of(secret), secrets.find(profile));
        assertFalse(Files.exists(directory.resolve("secure-storage.key")), "a key file was written");
        assertFalse(Files.readString(directory.resolve("secure-storage"), StandardCharsets.ISO_8859_1)
                .contains(secret), "the storage file holds the plain secret");
        assertTrue(keyring.search("xdg:schema", "org.eclipse.equinox").contains("Equinox master password"),
                "no master password in the keyring");
    }

    @Test
    void secretsStoredUnderAKeyFileMoveUnderTheKeyring() throws Exception {
        Path other = Files.createDirectory(directory.resolve("other"));
        new SecureStorageSecrets().open(other, List.of());
        Path old = Files.createDirectory(directory.resolve("old"));
        SecureStorageSecrets before = new SecureStorageSecrets();
        before.open(old, List.of(other.resolve("secure-storage"))); // the keyring is taken: a key file
        AmiProfile profile = profile();
        String secret = "s3cret-" + UUID.randomUUID();
        before.save(profile, secret);
        assertTrue(Files.exists(old.resolve("secure-storage.key")), "the storage did not fall back to a key file");

        SecureStorageSecrets after = new SecureStorageSecrets();
        after.open(old, List.of()); // the keyring is free for it now
        assertEquals(Optional.of(secret), after.find(profile));

        assertEquals(List.of(KEYRING_PROVIDER), encryptedBy(old.resolve("secure-storage")),
                "the secret is still under the key file's password");
    }

    @Test
    @Order(Integer.MAX_VALUE) // the keyring is gone after it
    void aStorageOpenedWhenTheKeyringIsGoneKeepsAKeyFile() throws Exception {
        new SecureStorageSecrets().open(Files.createDirectory(directory.resolve("before")), List.of());
        keyring.stopSecretService();
        Path after = Files.createDirectory(directory.resolve("after"));
        SecureStorageSecrets secrets = new SecureStorageSecrets();
        secrets.open(after, List.of());
        AmiProfile profile = profile();
        String secret = "s3cret-" + UUID.randomUUID();

        secrets.save(profile, secret);

        assertEquals(Optional.of(secret), secrets.find(profile));
        assertTrue(Files.exists(after.resolve("secure-storage.key")), "no key file");
        assertEquals(List.of(FILE_KEY), encryptedBy(after.resolve("secure-storage")),
                "the secret is not under the key file's password");
    }

    /** The password provider named by each stored secret: Equinox writes it before the encrypted value. */
    private static List<String> encryptedBy(Path storage) throws IOException {
        Properties entries = new Properties();
        try (InputStream in = Files.newInputStream(storage)) {
            entries.load(in);
        }
        return entries.stringPropertyNames().stream().filter(key -> key.startsWith("/org.amicus.ami/profiles/"))
                .map(key -> entries.getProperty(key).split("\t")[0]).toList();
    }

    private static AmiProfile profile() {
        return new AmiProfile("Keyring", "pbx.example", 5038, false, "agent-" + UUID.randomUUID());
    }
}

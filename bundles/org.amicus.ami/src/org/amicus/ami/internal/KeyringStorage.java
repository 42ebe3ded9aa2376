package org.amicus.ami.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import org.eclipse.equinox.security.storage.ISecurePreferences;
import org.eclipse.equinox.security.storage.SecurePreferencesFactory;
import org.eclipse.equinox.security.storage.StorageException;
import org.eclipse.equinox.security.storage.provider.IProviderHints;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens a secure storage whose master password Equinox's password provider for this platform keeps in the desktop
 * keyring: the Secret Service (GNOME Keyring, KWallet) through libsecret on Linux, the Keychain on macOS, DPAPI on
 * Windows. Empty where the platform has no provider or its keyring does not answer (no session bus, no Secret
 * Service, a locked keyring nobody may be asked to open).
 * <p>
 * On Linux and macOS the provider keeps one master password per user, shared by every Equinox storage of that user,
 * and replaces it with a new one when a storage without its check entry first asks for it: the storages created
 * before would no longer open. So a storage that never used the keyring starts using it only while no other storage
 * given here relies on it.
 */
final class KeyringStorage {

    private static final Logger LOG = LoggerFactory.getLogger(KeyringStorage.class);
    /** Where Equinox records, per password provider, a text encrypted with its master password to check it. */
    private static final String CHECK_ENTRIES = "/org.eclipse.equinox.secure.storage/verification/";
    private static final String PROBE = "org.amicus.ami/keyring-probe";

    private KeyringStorage() {
    }

    /**
     * The storage at {@code file}, keyed by the keyring, if it can be; {@code sharingKeyring}: the other storages of
     * this user that would lose their master password to a new one.
     */
    static Optional<ISecurePreferences> open(Path file, List<Path> sharingKeyring) throws IOException {
        if (!reliesOnKeyring(file)) {
            for (Path other : sharingKeyring) {
                if (!other.equals(file) && reliesOnKeyring(other)) {
                    LOG.info("The secure storage {} keeps its master password in a file: the desktop keyring's "
                            + "master password belongs to {}, which a new one would lock out", file, other);
                    return Optional.empty();
                }
            }
        }
        URL location = file.toUri().toURL();
        ISecurePreferences storage = SecurePreferencesFactory.open(location,
                Map.of(IProviderHints.PROMPT_USER, Boolean.FALSE));
        String failure;
        try {
            // Encrypting makes the provider create its master password, or fetch and check it. When the provider
            // gives none, Equinox stores the value in plain text: that is a failure too.
            ISecurePreferences probe = storage.node(PROBE);
            probe.put(PROBE, PROBE, true);
            failure = probe.isEncrypted(PROBE) ? null : "it gave no master password";
        } catch (StorageException | UnsatisfiedLinkError e) { // the latter: Linux without libsecret
            failure = e.getMessage();
        }
        storage.node(PROBE).removeNode();
        if (failure != null) {
            LOG.info("The secure storage {} keeps its master password in a file: no desktop keyring ({})", file,
                    failure);
            return Optional.empty();
        }
        storage.flush();
        LOG.info("The secure storage {} keeps its master password in the desktop keyring", file);
        return Optional.of(storage);
    }

    /** Whether the storage holds a check entry of a password provider: its master password is in the keyring. */
    static boolean reliesOnKeyring(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        Properties entries = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            entries.load(in);
        }
        return entries.stringPropertyNames().stream().anyMatch(key -> key.startsWith(CHECK_ENTRIES));
    }
}

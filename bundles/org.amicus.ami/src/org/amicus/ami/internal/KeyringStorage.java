package org.amicus.ami.internal;

import java.io.IOException;
import java.io.InputStream;
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
 * Service, no libsecret).
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
        Optional<Path> owner = reliesOnKeyring(file) ? Optional.empty() : keyringOwner(file, sharingKeyring);
        if (owner.isPresent()) {
            LOG.info("The secure storage {} keeps its master password in a file: the desktop keyring's master "
                    + "password belongs to {}, which a new one would lock out", file, owner.get());
            return Optional.empty();
        }
        ISecurePreferences storage = SecurePreferencesFactory.open(file.toUri().toURL(),
                Map.of(IProviderHints.PROMPT_USER, Boolean.FALSE));
        Optional<String> failure = probe(storage);
        if (failure.isPresent()) {
            LOG.info("The secure storage {} keeps its master password in a file: no desktop keyring ({})", file,
                    failure.get());
            return Optional.empty();
        }
        storage.flush();
        LOG.info("The secure storage {} keeps its master password in the desktop keyring", file);
        return Optional.of(storage);
    }

    private static Optional<Path> keyringOwner(Path file, List<Path> sharingKeyring) throws IOException {
        for (Path other : sharingKeyring) {
            if (!other.equals(file) && reliesOnKeyring(other)) {
                return Optional.of(other);
            }
        }
        return Optional.empty();
    }

    /**
     * Encrypts a value, which makes the provider create its master password, or fetch and check it; why that failed,
     * if it did. When the provider gives no password, Equinox stores the value in plain text: that is a failure too.
     */
    private static Optional<String> probe(ISecurePreferences storage) {
        ISecurePreferences probe = storage.node(PROBE);
        try {
            probe.put(PROBE, PROBE, true);
            return probe.isEncrypted(PROBE) ? Optional.empty() : Optional.of("it gave no master password");
        } catch (StorageException | UnsatisfiedLinkError e) { // the latter: Linux without libsecret
            return Optional.of(e.getMessage());
        } finally {
            probe.removeNode();
        }
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

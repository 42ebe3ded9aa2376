package org.amicus.ami.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.crypto.spec.PBEKeySpec;

import org.amicus.ami.AmiException;
import org.amicus.ami.AmiProfile;
import org.amicus.ami.AmiSecrets;
import org.amicus.ami.NamedSecrets;
import org.eclipse.equinox.security.storage.EncodingUtils;
import org.eclipse.equinox.security.storage.ISecurePreferences;
import org.eclipse.equinox.security.storage.SecurePreferencesFactory;
import org.eclipse.equinox.security.storage.StorageException;
import org.eclipse.equinox.security.storage.provider.IProviderHints;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * {@link AmiSecrets} and {@link NamedSecrets} in an Eclipse secure storage of Amicus's own, under {@code ~/.amicus}
 * (or the folder named by the {@code amicus.secrets.dir} property), opened without a prompt. Its master password
 * lives in the desktop keyring where Equinox has a provider for the platform and the keyring answers
 * ({@link KeyringStorage}); elsewhere it is a random key in a file beside the storage that only its owner may read
 * ({@link MasterPasswordFile}). Secrets stored under the file's key before a keyring was there move under the
 * keyring's when first read.
 */
@Component(service = { AmiSecrets.class, NamedSecrets.class })
public class SecureStorageSecrets implements AmiSecrets, NamedSecrets {

    private static final String PROFILES = "org.amicus.ami/profiles";
    private static final String NAMED = "org.amicus.ami/named";
    private static final String KEY = "secret";
    private static final String STORAGE = "secure-storage";

    // Where the storage is opened when first used, not at activation, which a program's start waits for
    private Path directory;
    private List<Path> sharingKeyring;
    private ISecurePreferences root; // guarded by this, as the field below
    /** The storage under the file's key, while the keyring keys {@link #root}: for secrets stored before. */
    private ISecurePreferences fileKeyed;

    @Activate
    void activate(BundleContext context) {
        String configured = context.getProperty("amicus.secrets.dir");
        Path home = Path.of(System.getProperty("user.home"));
        directory = configured != null ? Path.of(configured) : home.resolve(".amicus");
        // Windows' provider keeps a master password per storage, in the storage: it can lock no other one out
        sharingKeyring = "win32".equals(context.getProperty("osgi.os")) ? List.of()
                : List.of(home.resolve(".amicus").resolve(STORAGE),
                        home.resolve(".eclipse/org.eclipse.equinox.security/secure_storage"));
    }

    /**
     * The storage, opened now if not yet: asking the desktop keyring for its master password takes a third of a
     * second or more.
     */
    private synchronized ISecurePreferences root() {
        if (root == null) {
            try {
                open(directory, sharingKeyring);
            } catch (IOException e) {
                throw new AmiException(e.getMessage(), e);
            }
        }
        return root;
    }

    /** Opens the storage in {@code directory}, keyed by the keyring if it can be (see {@link KeyringStorage}). */
    public synchronized void open(Path directory, List<Path> sharingKeyring) throws IOException {
        Files.createDirectories(directory);
        Path file = directory.resolve(STORAGE);
        Path keyFile = directory.resolve(STORAGE + ".key");
        try {
            StorageLock.holding(directory.resolve(STORAGE + ".lock"), () -> {
                readableByOwnerOnly(file);
                Optional<ISecurePreferences> keyring = KeyringStorage.open(file, sharingKeyring);
                if (keyring.isPresent()) {
                    root = keyring.get();
                    fileKeyed = Files.exists(keyFile) ? fileKeyed(file, MasterPasswordFile.read(keyFile)) : null;
                } else {
                    root = fileKeyed(file, MasterPasswordFile.read(keyFile));
                }
                return root;
            });
        } catch (IOException e) {
            throw new IOException("Cannot open the secure storage in " + directory + ": " + e.getMessage(), e);
        }
    }

    /**
     * The storage holds only ciphertext, yet it is nobody else's to read: owner-only where the file system has POSIX
     * permissions (Equinox rewrites the file in place, so the mode stays). Elsewhere see {@link MasterPasswordFile}.
     */
    private static void readableByOwnerOnly(Path file) throws IOException {
        if (!file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");
        if (Files.exists(file)) {
            Files.setPosixFilePermissions(file, ownerOnly);
        } else {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(ownerOnly));
        }
    }

    private synchronized ISecurePreferences fileKeyed() {
        return fileKeyed;
    }

    private static ISecurePreferences fileKeyed(Path file, char[] password) throws IOException {
        return SecurePreferencesFactory.open(file.toUri().toURL(),
                Map.of(IProviderHints.DEFAULT_PASSWORD, new PBEKeySpec(password),
                        IProviderHints.PROMPT_USER, Boolean.FALSE));
    }

    @Override
    public void save(AmiProfile profile, String secret) {
        save(pathOf(profile), profile.server(), secret);
    }

    @Override
    public Optional<String> find(AmiProfile profile) {
        return find(pathOf(profile), profile.server());
    }

    @Override
    public void delete(AmiProfile profile) {
        delete(pathOf(profile), profile.server());
    }

    @Override
    public void save(String name, String secret) {
        save(pathOf(name), name, secret);
    }

    @Override
    public Optional<String> find(String name) {
        return find(pathOf(name), name);
    }

    @Override
    public void delete(String name) {
        delete(pathOf(name), name);
    }

    /** @param whose for the message, e.g. the profile's server */
    private void save(String path, String whose, String secret) {
        try {
            ISecurePreferences node = root().node(path);
            node.put(KEY, secret, true);
            if (!node.isEncrypted(KEY)) { // Equinox's fallback when the keyring gives no master password
                node.remove(KEY);
                throw new StorageException(StorageException.NO_PASSWORD, "the desktop keyring gave no password");
            }
            node.flush();
        } catch (StorageException | IOException e) {
            throw new AmiException("Cannot store the secret for " + whose + ": " + e.getMessage(), e);
        }
    }

    private Optional<String> find(String path, String whose) {
        try {
            return Optional.ofNullable(root().node(path).get(KEY, null));
        } catch (StorageException e) {
            if (fileKeyed() == null) {
                throw new AmiException("Cannot read the secret for " + whose + ": " + e.getMessage(), e);
            }
            return underFileKey(path, whose, e);
        }
    }

    /** A secret stored under the file's key before the keyring was there, stored again under the keyring's. */
    private Optional<String> underFileKey(String path, String whose, StorageException keyringFailure) {
        try {
            Optional<String> secret = Optional.ofNullable(fileKeyed().node(path).get(KEY, null));
            secret.ifPresent(value -> save(path, whose, value));
            return secret;
        } catch (StorageException e) {
            e.addSuppressed(keyringFailure);
            throw new AmiException("Cannot read the secret for " + whose + ": " + e.getMessage(), e);
        }
    }

    private void delete(String path, String whose) {
        root().node(path).removeNode();
        try {
            root().flush();
        } catch (IOException e) {
            throw new AmiException("Cannot forget the secret for " + whose + ": " + e.getMessage(), e);
        }
    }

    // One secret per user and server: the profile's display name may change without losing it.
    private static String pathOf(AmiProfile profile) {
        return PROFILES + "/" + EncodingUtils.encodeSlashes(profile.username() + "@" + profile.host() + ":"
                + profile.port());
    }

    private static String pathOf(String name) {
        return NAMED + "/" + EncodingUtils.encodeSlashes(name);
    }
}

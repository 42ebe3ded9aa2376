package org.amicus.ami.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import javax.crypto.spec.PBEKeySpec;

import org.amicus.ami.AmiException;
import org.amicus.ami.AmiProfile;
import org.amicus.ami.AmiSecrets;
import org.eclipse.equinox.security.storage.EncodingUtils;
import org.eclipse.equinox.security.storage.ISecurePreferences;
import org.eclipse.equinox.security.storage.SecurePreferencesFactory;
import org.eclipse.equinox.security.storage.StorageException;
import org.eclipse.equinox.security.storage.provider.IProviderHints;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * {@link AmiSecrets} in an Eclipse secure storage of Amicus's own, under {@code ~/.amicus} (or the folder named by
 * the {@code amicus.secrets.dir} property). It is encrypted with a random master password that lives beside it in
 * a file only the user may read, so that it opens without a prompt on a workstation without a desktop keyring.
 */
@Component(service = AmiSecrets.class)
public class SecureStorageSecrets implements AmiSecrets {

    private static final String NODE = "org.amicus.ami/profiles";
    private static final String KEY = "secret";

    private ISecurePreferences root;

    @Activate
    void activate(BundleContext context) throws IOException {
        String configured = context.getProperty("amicus.secrets.dir");
        Path directory = configured != null ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".amicus");
        root = open(directory);
    }

    static ISecurePreferences open(Path directory) throws IOException {
        Files.createDirectories(directory);
        char[] password = masterPassword(directory.resolve("secure-storage.key"));
        try {
            return SecurePreferencesFactory.open(directory.resolve("secure-storage").toUri().toURL(),
                    Map.of(IProviderHints.DEFAULT_PASSWORD, new PBEKeySpec(password),
                            IProviderHints.PROMPT_USER, Boolean.FALSE));
        } catch (IOException e) {
            throw new IOException("Cannot open the secure storage in " + directory, e);
        }
    }

    /** Reads the master password, creating it readable by its owner only on first use. */
    private static char[] masterPassword(Path file) throws IOException {
        if (!Files.exists(file)) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, Base64.getEncoder().encodeToString(random), StandardCharsets.US_ASCII);
        }
        return Files.readString(file, StandardCharsets.US_ASCII).trim().toCharArray();
    }

    @Override
    public void save(AmiProfile profile, String secret) {
        try {
            ISecurePreferences node = nodeOf(profile);
            node.put(KEY, secret, true);
            node.flush();
        } catch (StorageException | IOException e) {
            throw new AmiException("Cannot store the secret for " + profile.server() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<String> find(AmiProfile profile) {
        try {
            return Optional.ofNullable(nodeOf(profile).get(KEY, null));
        } catch (StorageException e) {
            throw new AmiException("Cannot read the secret for " + profile.server() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void delete(AmiProfile profile) {
        nodeOf(profile).removeNode();
        try {
            root.flush();
        } catch (IOException e) {
            throw new AmiException("Cannot forget the secret for " + profile.server() + ": " + e.getMessage(), e);
        }
    }

    // One secret per user and server: the profile's display name may change without losing it.
    private ISecurePreferences nodeOf(AmiProfile profile) {
        String key = profile.username() + "@" + profile.host() + ":" + profile.port();
        return root.node(NODE + "/" + EncodingUtils.encodeSlashes(key));
    }
}

package org.amicus.ami.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The master password of a secure storage kept in a file beside it, for a workstation whose platform has no keyring
 * Equinox can use. The file is created whole or not at all: a random key is written to a temporary file readable by
 * its owner only, forced to disk and moved into place in one step, under a lock file that makes concurrent starts
 * take turns. A start that crashed halfway leaves at most a temporary file, which the next start removes, and an
 * empty key file (left by versions that wrote the key in place) is replaced: no start reads an empty or partial key.
 */
public final class MasterPasswordFile {

    private static final Logger LOG = LoggerFactory.getLogger(MasterPasswordFile.class);
    private static final String TEMPORARY_SUFFIX = ".tmp";

    private MasterPasswordFile() {
    }

    /** The key in the file, created on first use; starts of other processes wait on a lock file beside it. */
    public static char[] read(Path file) throws IOException {
        return StorageLock.holding(file.resolveSibling(file.getFileName() + ".lock"), () -> readOrCreate(file));
    }

    private static char[] readOrCreate(Path file) throws IOException {
        removeLeftovers(file);
        String key = Files.exists(file) ? Files.readString(file, StandardCharsets.US_ASCII).trim() : "";
        if (key.isEmpty()) {
            key = create(file);
        }
        return key.toCharArray();
    }

    private static String create(Path file) throws IOException {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String key = Base64.getEncoder().encodeToString(random);
        Path temporary = Files.createTempFile(file.getParent(), file.getFileName() + ".", TEMPORARY_SUFFIX,
                ownerOnly(file));
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(key.getBytes(StandardCharsets.US_ASCII)));
            channel.force(true);
        }
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return key;
    }

    /**
     * Read and write for the owner only where the file system has POSIX permissions. Elsewhere (Windows) the file
     * inherits the access list of its folder, which under the user's profile admits only the user, the system and
     * administrators: as tight as the owner-only mode, and nothing to set.
     */
    private static FileAttribute<?>[] ownerOnly(Path file) {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[] {
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")) };
        }
        LOG.info("The secure storage key {} is protected by its folder's access list (no POSIX permissions here)",
                file);
        return new FileAttribute<?>[0];
    }

    private static void removeLeftovers(Path file) throws IOException {
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(file.getParent(),
                file.getFileName() + ".*" + TEMPORARY_SUFFIX)) {
            for (Path leftover : leftovers) {
                Files.deleteIfExists(leftover);
            }
        }
    }
}

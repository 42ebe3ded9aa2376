package org.amicus.ami.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Serialises the opening of a secure storage among the processes (a desktop and a CLI started together) and the
 * threads that open it at once, so that one of them creates a master password and the others find it whole.
 */
public final class StorageLock {

    /** A file lock is held per process: threads of one process take turns here first. */
    private static final Object THIS_PROCESS = new Object();

    public interface Step<T> {
        T run() throws IOException;
    }

    private StorageLock() {
    }

    /** Runs the step while holding the lock file, which stays behind empty. */
    public static <T> T holding(Path lockFile, Step<T> step) throws IOException {
        synchronized (THIS_PROCESS) {
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock lock = channel.lock()) {
                return step.run();
            }
        }
    }
}

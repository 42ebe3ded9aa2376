package org.amicus.ami.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.amicus.ami.internal.MasterPasswordFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;

/**
 * The secure storage's key file where there is no desktop keyring: starts at the same moment agree on one whole
 * key, and a start after a crash finds a usable one.
 */
class KeyFileTest {

    private static final int ROUNDS = 5;
    private static final int STARTS = 3;

    @TempDir
    Path directory;

    @Test
    void startsAtTheSameMomentAgreeOnOneWholeKey() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            Path folder = Files.createDirectory(directory.resolve("round-" + round));
            List<Process> starts = new ArrayList<>();
            for (int i = 0; i < STARTS; i++) {
                starts.add(start(folder));
            }
            List<BufferedReader> outputs = new ArrayList<>();
            for (Process start : starts) {
                BufferedReader output = start.inputReader(StandardCharsets.US_ASCII);
                assertEquals("ready", output.readLine());
                outputs.add(output);
            }
            for (Process start : starts) { // all are waiting: let them go together
                start.outputWriter(StandardCharsets.US_ASCII).append("go\n").flush();
            }
            Set<String> keys = new HashSet<>();
            for (int i = 0; i < STARTS; i++) {
                keys.add(outputs.get(i).readLine());
                assertTrue(starts.get(i).waitFor(30, TimeUnit.SECONDS), "a start did not end");
                assertEquals(0, starts.get(i).exitValue(), "a start failed, see " + folder);
            }
            assertEquals(1, keys.size(), "round " + round + ": the starts used different keys " + keys);
            String key = keys.iterator().next();
            assertWhole(key);
            assertEquals(key, Files.readString(folder.resolve("secure-storage.key"), StandardCharsets.US_ASCII));
        }
    }

    @Test
    void theKeyIsForItsOwnerOnly() throws Exception {
        Path file = directory.resolve("secure-storage.key");
        MasterPasswordFile.read(file);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void aStartAfterACrashWhileWritingTheKeyMakesAWholeOne() throws Exception {
        Path file = directory.resolve("secure-storage.key");
        Path leftover = directory.resolve("secure-storage.key.4711.tmp");
        Files.writeString(leftover, "half a k");
        Files.createFile(file); // how versions that wrote the key in place left it

        char[] key = MasterPasswordFile.read(file);

        assertWhole(new String(key));
        assertFalse(Files.exists(leftover), "the crashed start's temporary file is left");
        assertArrayEquals(key, MasterPasswordFile.read(file), "the next start reads another key");
        assertEquals(List.of("secure-storage.key", "secure-storage.key.lock"), namesIn(directory));
    }

    @Test
    void aKeyThatWasWrittenIsKept() throws Exception {
        Path file = directory.resolve("secure-storage.key");
        char[] first = MasterPasswordFile.read(file);
        Files.writeString(directory.resolve("secure-storage.key.99.tmp"), "");

        assertArrayEquals(first, MasterPasswordFile.read(file));
    }

    private static void assertWhole(String key) {
        assertEquals(32, Base64.getDecoder().decode(key).length, "not a whole key: " + key);
    }

    private static List<String> namesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }

    /** A start in a process of its own, on the classes the bundles run here. */
    private static Process start(Path folder) throws IOException {
        String classPath = Stream.of(MasterPasswordFile.class, KeyFileStart.class, Logger.class)
                .map(KeyFileTest::locationOf).collect(Collectors.joining(File.pathSeparator));
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(java, "-cp", classPath, KeyFileStart.class.getName(), folder.toString())
                .redirectError(folder.resolveSibling(folder.getFileName() + ".err").toFile()).start();
    }

    private static String locationOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}

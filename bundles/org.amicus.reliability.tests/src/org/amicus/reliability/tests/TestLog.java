package org.amicus.reliability.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** The test run's log file (slf4j-simple writes it as each line is logged), read from a mark on. */
final class TestLog {

    static final Path FILE = Path.of(System.getProperty("org.slf4j.simpleLogger.logFile"));

    private final long mark;

    /** Marks the log's current end. */
    TestLog() {
        mark = FILE.toFile().length();
    }

    /** What was logged since the mark. */
    String sinceMark() throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(FILE.toFile(), "r")) {
            byte[] bytes = new byte[(int) Math.max(0, file.length() - mark)];
            file.seek(mark);
            file.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    void assertLogged(String text) throws IOException {
        String logged = sinceMark();
        assertTrue(logged.contains(text), "the log should say \"" + text + "\"; it says:\n" + tail(logged));
    }

    private static String tail(String text) {
        return text.length() <= 4_000 ? text : "…" + text.substring(text.length() - 4_000);
    }
}

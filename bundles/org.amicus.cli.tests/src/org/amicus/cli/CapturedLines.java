package org.amicus.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/** What a run of the command line writes to one of its streams, with a wait for the line a test expects. */
final class CapturedLines extends OutputStream {

    private final StringBuilder text = new StringBuilder();
    final PrintStream stream = new PrintStream(this, true, StandardCharsets.UTF_8);

    @Override
    public synchronized void write(int b) {
        write(new byte[] { (byte) b }, 0, 1);
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
        text.append(new String(bytes, offset, length, StandardCharsets.UTF_8));
        notifyAll();
    }

    synchronized String text() {
        return text.toString();
    }

    synchronized List<String> lines() {
        return text.isEmpty() ? List.of() : Arrays.asList(text.toString().split("\n"));
    }

    /** The first complete line that matches, waiting for it up to the timeout. */
    synchronized String await(Predicate<String> matching, Duration timeout, String what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            int end = text.lastIndexOf("\n");
            if (end >= 0) {
                for (String line : text.substring(0, end).split("\n")) {
                    if (matching.test(line)) {
                        return line;
                    }
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no line " + what + " within " + timeout + " in:\n" + text);
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }
}

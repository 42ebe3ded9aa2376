package org.amicus.benchmarks;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * What one contender received: how many trace events, when the end of the stream reached it, and, if asked, when
 * each event was handed on. Called from the contender's event thread; read once the end has come.
 */
final class Tally {

    private final long[] dispatchedAt;
    private final CountDownLatch ended = new CountDownLatch(1);
    private long delivered;
    private volatile long endedAt;
    private long cpuAtFirst;
    private volatile long cpuAtEnd;

    /** @param stamps how many events to note dispatch times for; 0 for none */
    Tally(int stamps) {
        this.dispatchedAt = new long[stamps];
        // The first reading loads and starts the JDK's management classes, about a tenth of a second on a fresh
        // JVM: before the pass, not on the thread of its first event, whose lag it would add to
        cpuNanos();
    }

    void event() {
        if (delivered == 0) {
            cpuAtFirst = cpuNanos();
        }
        if (delivered < dispatchedAt.length) {
            dispatchedAt[(int) delivered] = System.nanoTime();
        }
        delivered++;
    }

    /** The warm-up is over: what counts starts with the next event. */
    void warmedUp() {
        delivered = 0;
    }

    void end() {
        endedAt = System.nanoTime();
        cpuAtEnd = cpuNanos();
        ended.countDown();
    }

    /** Waits for the end of the stream; false if it did not come in time. */
    boolean awaitEnd(long seconds) throws InterruptedException {
        return ended.await(seconds, TimeUnit.SECONDS);
    }

    long delivered() {
        return delivered;
    }

    long endedAt() {
        return endedAt;
    }

    /**
     * CPU time the whole process (every thread, the JIT and the collector included) used from the first event to
     * the end: unlike the time a pass takes, it hardly grows when other processes share the cores.
     */
    long cpu() {
        return cpuAtEnd - cpuAtFirst;
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Writes the dispatch times, as many as were noted, for the harness to set against the send times. */
    void writeStamps(Path file) throws IOException {
        try (OutputStream raw = Files.newOutputStream(file);
                DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(raw))) {
            long count = Math.min(delivered, dispatchedAt.length);
            for (int i = 0; i < count; i++) {
                out.writeLong(dispatchedAt[i]);
            }
        }
    }
}

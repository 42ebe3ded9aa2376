package org.amicus.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When each top-level window of the display was mapped, as the X server tells {@code xev} watching the root window:
 * {@code xdotool search --sync} looks only every half second, too coarse for a start measured in seconds.
 */
final class WindowMaps implements AutoCloseable {

    private static final Pattern MAPPED = Pattern.compile("^\\s+event 0x\\p{XDigit}+, window 0x(\\p{XDigit}+),");

    private final Process xev;
    private final Map<Long, Long> mappedAt = new ConcurrentHashMap<>(); // window id -> System.nanoTime()
    private final CountDownLatch listening = new CountDownLatch(1);

    /**
     * Watches from now on; returns once {@code xev} listens, so that no window mapped later is missed: it says
     * nothing until an event comes, so a property of the root window is set until it reports that.
     */
    WindowMaps() throws IOException, InterruptedException {
        xev = new ProcessBuilder("xev", "-root", "-event", "substructure", "-event", "property").start();
        Thread reader = new Thread(() -> read(xev.inputReader()), "xev-reader");
        reader.setDaemon(true);
        reader.start();
        for (int tries = 0; !listening.await(100, TimeUnit.MILLISECONDS); tries++) {
            if (tries == 50 || !xev.isAlive()) {
                close();
                throw new IOException("xev does not report the display's events: is x11-utils installed?");
            }
            new ProcessBuilder("xprop", "-root", "-f", "AMICUS_BENCHMARK", "8s", "-set", "AMICUS_BENCHMARK",
                    "watching").start().waitFor(5, TimeUnit.SECONDS);
        }
    }

    private void read(BufferedReader lines) {
        try (lines) {
            boolean mapNotify = false;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                long now = System.nanoTime();
                Matcher window = MAPPED.matcher(line);
                if (mapNotify && window.find()) {
                    mappedAt.putIfAbsent(Long.parseLong(window.group(1), 16), now);
                }
                mapNotify = line.startsWith("MapNotify event");
                if (line.startsWith("PropertyNotify event")) {
                    listening.countDown();
                }
            }
        } catch (IOException ended) {
            // closed
        }
    }

    /** When the window was first mapped ({@link System#nanoTime()}); fails if it never was while watched. */
    long mappedAt(long window) {
        Long at = mappedAt.get(window);
        if (at == null) {
            throw new IllegalStateException("no MapNotify seen for window 0x" + Long.toHexString(window));
        }
        return at;
    }

    @Override
    public void close() throws InterruptedException {
        xev.destroy();
        xev.waitFor(5, TimeUnit.SECONDS);
    }
}

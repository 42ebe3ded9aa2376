package org.amicus.hub;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.amicus.testing.Monitors;

/**
 * {@code amicus hub run --config FILE} as a process of its own, on the bundles of this test's OSGi runtime (a copy of
 * its configuration, so that each process has its own): what the product's launcher starts, and what a test can kill
 * as a crash would. Its log lines are kept, so that a test can await what the hub says it did.
 */
final class HubProcess implements AutoCloseable {

    static final String LEADS = "serves, ";
    static final String STANDS_BY = "stands by";

    private final String name;
    private final Process process;
    private final List<String> lines = new ArrayList<>();

    private HubProcess(String name, Process process) {
        this.name = name;
        this.process = process;
        Thread reader = new Thread(this::readLog, "hub-process-" + name);
        reader.setDaemon(true);
        reader.start();
    }

    static HubProcess start(String name, Path config, Path folder) throws IOException {
        Path configuration = Files.createDirectories(folder.resolve(name + "-configuration"));
        Files.copy(Path.of(URI.create(System.getProperty("osgi.configuration.area"))).resolve("config.ini"),
                configuration.resolve("config.ini"));
        String java = ProcessHandle.current().info().command().orElse("java");
        String framework = Path.of(URI.create(System.getProperty("osgi.framework"))).toString();
        // the product's launcher sets the compatibility boot delegation (javax.net.ssl and the like); EclipseStarter
        // must be told
        List<String> command = List.of(java, "-Djava.awt.headless=true", "-Dosgi.compatibility.bootdelegation=true",
                "-jar", framework, "-configuration", configuration.toString(), "-data",
                folder.resolve(name + "-workspace").toString(), "-application", "org.amicus.hub.app", "run",
                "--config", config.toString());
        return new HubProcess(name, new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    /** Waits until the hub logs a line holding this text; fails with what it logged if not within the timeout. */
    String await(String text, Duration timeout) throws InterruptedException {
        return await(text, 0, timeout);
    }

    /** How many lines the hub has logged so far. */
    synchronized int logged() {
        return lines.size();
    }

    boolean alive() {
        return process.isAlive();
    }

    /** As {@link #await(String, Duration)}, among the lines after the first {@code after}. */
    synchronized String await(String text, int after, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (int seen = after;; ) {
            for (; seen < lines.size(); seen++) {
                if (lines.get(seen).contains(text)) {
                    return lines.get(seen);
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0 || !process.isAlive() && seen == lines.size()) {
                throw new AssertionError("hub " + name + " did not log \"" + text + "\" within " + timeout + ":\n"
                        + String.join("\n", lines));
            }
            wait(Math.max(1, left / 1_000_000));   // woken by each line, and when the log ends
        }
    }

    /** Whether the hub is alive and, of leading and standing by, logged leading last. */
    synchronized boolean leads() {
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).contains(LEADS) || lines.get(i).contains(STANDS_BY)) {
                return process.isAlive() && lines.get(i).contains(LEADS);
            }
        }
        return false;
    }

    /** Waits until one of these hubs leads, by what each logged last; fails if none does within the timeout. */
    static HubProcess awaitLeader(List<HubProcess> hubs, Duration timeout) throws InterruptedException {
        // HubProcess.class is notified at each line of any hub
        if (!Monitors.await(HubProcess.class, () -> hubs.stream().anyMatch(HubProcess::leads), timeout)) {
            throw new AssertionError("no hub leads within " + timeout);
        }
        return hubs.stream().filter(HubProcess::leads).findFirst()
                .orElseThrow(() -> new AssertionError("the hub that led has stopped"));
    }

    /** Kills the hub at once, as a crash would (SIGKILL): it releases nothing. */
    void kill() throws Exception {
        process.destroyForcibly();
        process.onExit().get(10, TimeUnit.SECONDS);
    }

    private void readLog() {
        try (BufferedReader log = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line; (line = log.readLine()) != null; ) {
                System.out.println("[hub " + name + "] " + line);
                synchronized (this) {
                    lines.add(line);
                    notifyAll();
                }
                synchronized (HubProcess.class) {
                    HubProcess.class.notifyAll();   // for those who await any hub
                }
            }
        } catch (IOException e) {
            System.out.println("[hub " + name + "] log ended: " + e.getMessage());
        }
        synchronized (this) {
            notifyAll();
        }
    }

    /** Stops the hub as SIGTERM does, so that it hands its lease over; kills it if it does not end within 15 s. */
    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            kill();
        }
    }
}

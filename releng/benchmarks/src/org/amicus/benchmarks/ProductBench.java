package org.amicus.benchmarks;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.amicus.benchmarks.ReplayServer.Plan;

/**
 * The product as a user starts it, connected to the replay server: how long until its window shows and it is
 * connected, at a user's first start (which makes the folder the window starts from) and at the next ones, each a new
 * process after the last ended as at a logout (a TERM signal); its resident memory after such a start and with
 * thousands of live channels; how long {@code amicus cli status} takes, at its first start for a user and after.
 * Needs a display and {@code xdotool}.
 */
final class ProductBench {

    /** The launch's figures. */
    record Figures(long firstWindowMillis, List<Long> windowMillis, List<Long> connectedMillis,
            long rssAfterStartMb, long rssLoadedMb, int channels, double rate, long cliFirstMillis,
            List<Long> cliMillis) {
    }

    private static final long PATIENCE_MILLIS = 60_000;
    /** How long the product may settle after connecting before its memory is read. */
    private static final long SETTLE_MILLIS = 5_000;
    private static final int CHANNELS = 5_000;
    private static final double RATE = 1_000;
    private static final long LOADED_SECONDS = 30;
    /** How many times the window starts after its first start: one start on a 2-core machine is a poor sample. */
    private static final int STARTS = 5;
    /** How many times the command line runs after its first start. */
    private static final int CLI_RUNS = 5;

    private final ReplayServer server;
    private final Path out;

    ProductBench(ReplayServer server, Path out) {
        this.server = server;
        this.out = out;
    }

    Figures measure(Path launcher) throws Exception {
        System.out.println("Product");
        server.plan(new Plan(0, 0, 0, false)); // a PBX with nothing going on
        // absolute: the window is told where its framework lies under it
        Path home = Files.createTempDirectory(out.toAbsolutePath(), "product-home");
        long firstWindowMillis;
        try (Launch first = new Launch(launcher, home, out.resolve("product-first.log"))) {
            firstWindowMillis = first.awaitWindow();
            first.awaitConnected();
        }
        List<Long> windowMillis = new ArrayList<>();
        List<Long> connectedMillis = new ArrayList<>();
        long rssAfterStart = 0;
        for (int start = 1; start <= STARTS; start++) {
            try (Launch launch = new Launch(launcher, home, out.resolve("product-start.log"))) {
                windowMillis.add(launch.awaitWindow());
                connectedMillis.add(launch.awaitConnected());
                if (start == STARTS) {
                    launch.keepRunning(SETTLE_MILLIS);
                    rssAfterStart = launch.residentMb();
                }
            }
        }
        List<Long> cli = cliStatus(launcher);
        server.plan(new Plan(RATE, (long) (RATE * (LOADED_SECONDS + 60)), CHANNELS, false));
        long rssLoaded;
        try (Launch launch = new Launch(launcher, home, out.resolve("product-loaded.log"))) {
            launch.awaitWindow();
            launch.awaitConnected();
            launch.keepRunning(TimeUnit.SECONDS.toMillis(LOADED_SECONDS)); // events flow meanwhile
            rssLoaded = launch.residentMb();
            launch.screenshot(out.resolve("product-loaded.png"));
        }
        return new Figures(firstWindowMillis, windowMillis, connectedMillis, rssAfterStart, rssLoaded, CHANNELS,
                RATE, cli.get(0), cli.subList(1, cli.size()));
    }

    /**
     * Milliseconds of {@code amicus cli status} against the replay server, without a display, each run: first for a
     * user who never ran it (its start makes the command line's configuration), then {@link #CLI_RUNS} more.
     */
    private List<Long> cliStatus(Path launcher) throws IOException, InterruptedException {
        Path home = Files.createTempDirectory(out.toAbsolutePath(), "cli-home");
        Path log = out.resolve("cli-status.log");
        List<Long> millis = new ArrayList<>();
        for (int run = 0; run <= CLI_RUNS; run++) {
            ProcessBuilder builder = new ProcessBuilder(launcher.toString(), "cli", "status", "--host", "127.0.0.1",
                    "--port", String.valueOf(server.port()), "--user", "amicus").redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("AMICUS_AMI_SECRET", "secret");
            builder.environment().put("HOME", home.toString());
            builder.environment().remove("DISPLAY");
            long started = System.nanoTime();
            Process cli = builder.start();
            if (!cli.waitFor(PATIENCE_MILLIS, TimeUnit.MILLISECONDS)) {
                cli.destroyForcibly();
                throw new IllegalStateException("amicus cli status did not end within " + PATIENCE_MILLIS
                        + " ms; see " + log);
            }
            if (cli.exitValue() != 0) {
                throw new IllegalStateException("amicus cli status ended with exit " + cli.exitValue() + "; see "
                        + log);
            }
            millis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        }
        return millis;
    }

    /** One start of the product, stopped when closed. */
    private final class Launch implements AutoCloseable {

        private final WindowMaps maps = new WindowMaps();
        private final long started = System.nanoTime();
        private final Process process;
        private final Path log;
        /** Completes with the milliseconds since the start when the product logs that it is connected. */
        private final CompletableFuture<Long> connected = new CompletableFuture<>();
        private String window;

        Launch(Path launcher, Path home, Path log) throws IOException, InterruptedException {
            this.log = log;
            ProcessBuilder builder = new ProcessBuilder(launcher.toString()).redirectErrorStream(true);
            builder.environment().put("HOME", home.toString());
            builder.environment().put("AMICUS_AMI_SECRET", "secret");
            builder.environment().put("AMICUS_VMARGS", "-Damicus.ami.host=127.0.0.1 -Damicus.ami.port="
                    + server.port() + " -Damicus.ami.user=amicus");
            process = builder.start();
            Thread reader = new Thread(this::copyLog, "product-log");
            reader.setDaemon(true);
            reader.start();
        }

        /** Copies the product's output to the log, line by line, noting when it says it is connected. */
        private void copyLog() {
            String connectedLine = "Connected to amicus@127.0.0.1:" + server.port();
            try (BufferedReader output = process.inputReader();
                    BufferedWriter copy = Files.newBufferedWriter(log)) {
                for (String line = output.readLine(); line != null; line = output.readLine()) {
                    if (line.contains(connectedLine)) {
                        connected.complete(sinceStart());
                    }
                    copy.write(line);
                    copy.newLine();
                    copy.flush();
                }
            } catch (IOException e) {
                connected.completeExceptionally(e);
            }
            connected.completeExceptionally(new IllegalStateException("the product ended unconnected; see " + log));
        }

        /** Milliseconds from the start until the window titled Amicus was mapped. */
        long awaitWindow() throws IOException, InterruptedException {
            Process search = new ProcessBuilder("xdotool", "search", "--sync", "--onlyvisible", "--name",
                    "^Amicus *$").start();
            if (!search.waitFor(PATIENCE_MILLIS, TimeUnit.MILLISECONDS)) {
                search.destroy();
                throw new IllegalStateException("no Amicus window within " + PATIENCE_MILLIS + " ms; see " + log);
            }
            List<String> found = new String(search.getInputStream().readAllBytes()).lines().toList();
            if (found.isEmpty()) {
                throw new IllegalStateException("xdotool found no Amicus window; see " + log);
            }
            window = found.get(0);
            return TimeUnit.NANOSECONDS.toMillis(maps.mappedAt(Long.parseLong(window)) - started);
        }

        /** Milliseconds from the start until the product logs that it is connected. */
        long awaitConnected() throws ExecutionException, InterruptedException {
            try {
                return connected.get(PATIENCE_MILLIS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                throw new IllegalStateException("the product did not connect within " + PATIENCE_MILLIS
                        + " ms; see " + log, e);
            }
        }

        /**
         * Lets the product run that long before it is measured: no event marks its memory as settled, but an end
         * meanwhile would, and fails the measurement.
         */
        void keepRunning(long millis) throws InterruptedException {
            if (process.waitFor(millis, TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("the product ended while it ran to be measured, with exit code "
                        + process.exitValue() + "; see " + log);
            }
        }

        /** The Java process's: the launcher script runs it as a child, to start it again when asked to. */
        long residentMb() throws IOException {
            long java = process.descendants().filter(child -> child.info().command().orElse("").endsWith("/java"))
                    .findFirst().orElseThrow(() -> new IOException("the launcher runs no Java; see " + log)).pid();
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(java), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
            throw new IOException("no VmRSS for process " + java);
        }

        void screenshot(Path png) throws IOException, InterruptedException {
            if (window != null) {
                new ProcessBuilder("import", "-window", window, png.toString()).start().waitFor(30, TimeUnit.SECONDS);
            }
        }

        private long sinceStart() {
            return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        }

        /** Ends the product as a logout does: a TERM signal, on which the window closes as Quit closes it. */
        @Override
        public void close() throws InterruptedException {
            maps.close();
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}

package org.amicus.benchmarks;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.amicus.benchmarks.ReplayServer.Played;
import org.amicus.benchmarks.ReplayServer.Plan;

/** Starts each contender in a process of its own against the replay server, and reads what it measured. */
final class Contenders {

    static final List<String> ALL = List.of("framing", "amicus", "asterisk-java", "asterisk-manager", "nami");
    /** Those that tell a warm-up's end from the events that count. */
    static final List<String> JAVA = List.of("framing", "amicus", "asterisk-java");
    /** Events a second below which no contender falls at full speed, even on a busy machine. */
    private static final double SLOWEST_FULL_SPEED = 2_000;
    private static final List<String> NODE = List.of("asterisk-manager", "nami");
    /**
     * Amicus's event path in a JVM started as the product's launcher starts the window (the quick compiler alone, a
     * small initial heap); plain {@code amicus} runs as the hub and {@code amicus cli channels --watch} do.
     */
    static final String AMICUS_WINDOW = "amicus-window";
    private static final List<String> WINDOW_JVM = List.of("-XX:TieredStopAtLevel=1", "-Xms32m");

    private final ReplayServer server;
    private final Path peers;
    private final Path logs;

    /**
     * @param peers where the Node peers' scripts are
     * @param logs  where each process's error output goes
     */
    Contenders(ReplayServer server, Path peers, Path logs) {
        this.server = server;
        this.peers = peers;
        this.logs = logs;
    }

    /** One pass of the contender over the stream the plan describes. */
    Run run(String contender, Plan plan) throws IOException, InterruptedException {
        return run(contender, plan, null).run();
    }

    /**
     * How long each event took from leaving the server to reaching the contender's listener, in nanoseconds, over a
     * pass at the plan's fixed rate. Both processes read the same monotonic clock.
     */
    long[] lags(String contender, Plan plan) throws IOException, InterruptedException {
        Path stamps = Files.createTempFile(logs, contender, ".stamps");
        try {
            Pass pass = run(contender, new Plan(plan.rate(), plan.events(), plan.standing(), true, plan.warmup()),
                    stamps);
            long[] sentAt = pass.played().sentAt();
            long[] lags = new long[(int) Math.min(pass.run().delivered(), sentAt.length)];
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(stamps)))) {
                for (int i = 0; i < lags.length; i++) {
                    lags[i] = in.readLong() - sentAt[i];
                }
            }
            return lags;
        } finally {
            Files.delete(stamps);
        }
    }

    private record Pass(Run run, Played played) {
    }

    /**
     * A pass may take a minute more than its warm-up and its rate say, or than 2,000 events a second would take at
     * full speed.
     */
    private static Duration limit(Plan plan) {
        double rate = plan.rate() > 0 ? plan.rate() : SLOWEST_FULL_SPEED;
        return Duration.ofSeconds(60 + (long) (plan.warmup() / ReplayServer.WARMUP_RATE + plan.events() / rate));
    }

    private Pass run(String contender, Plan plan, Path stamps) throws IOException, InterruptedException {
        server.plan(plan);
        List<String> command = NODE.contains(contender)
                ? new ArrayList<>(List.of("node", peers.resolve(contender + ".js").toString()))
                : Child.java(contender.equals(AMICUS_WINDOW) ? WINDOW_JVM : List.of(), Contender.class, contender);
        command.add(String.valueOf(server.port()));
        if (stamps != null) {
            command.addAll(List.of(String.valueOf(plan.events()), stamps.toString()));
        }
        Map<String, Long> result = Child.numbers(
                Child.results(command, logs.resolve(contender + ".log"), limit(plan)).get(0));
        Played played = server.awaitPlayed(10);
        double seconds = (result.get("end") - played.firstSent()) / 1e9;
        Run run = new Run(contender, plan.rate(), played.events(), seconds, result.get("delivered"),
                result.get("dropped"), result.get("channels"), result.get("cpu"));
        if (run.delivered() > run.sent()) {
            throw new IOException(contender + " received " + run.delivered() + " events of " + run.sent()
                    + " sent: it connected again and was sent the stream again; see " + logs.resolve(contender + ".log"));
        }
        System.out.printf("  %-16s %s: %,9.0f events/s, %,d of %,d delivered, %,d dropped, %.2f µs CPU per event%n",
                contender, plan.rate() > 0 ? String.format("at %,.0f/s", plan.rate()) : "full speed",
                run.eventsPerSecond(), run.delivered(), run.sent(), run.dropped(), run.cpuMicrosPerEvent());
        return new Pass(run, played);
    }
}

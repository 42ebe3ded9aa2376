package org.amicus.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.amicus.benchmarks.ReplayServer.Plan;

/**
 * Runs every contender over the same recorded trace in one run and writes the figures: {@code results.md} (the
 * tables) and the data files the plots are drawn from, in the output folder.
 * <p>
 * Usage: {@code Benchmarks TRACE OUT_DIR PEERS_DIR [reps=3] [passes=N] [warmup=SECONDS] [originates=300]
 * [pbx=HOST:PORT] [product=LAUNCHER] [sections=throughput,warm,lag,originate,ui,queues,product]
 * [contenders=framing,amicus,...]}; without {@code passes}, the trace is played as often as it takes to make at least
 * {@link #EVENTS_PER_RUN} events. {@code warm} is the throughput again, each pass after a warm-up on the same
 * connection ({@link #WARMUP_SECONDS} unless {@code warmup} says otherwise), for the Java contenders only.
 */
public final class Benchmarks {

    static final long EVENTS_PER_RUN = 800_000;
    /** Long enough at the warm-up's rate for the JIT to have compiled each contender's event path. */
    private static final int WARMUP_SECONDS = 5;
    private static final double[] LAG_RATES = { 1_000, 10_000 };
    private static final int LAG_SECONDS = 20;
    /** The zero-loss search stops when the bounds are this close, relative to the upper one. */
    private static final double SEARCH_PRECISION = 0.03;
    /** A contender keeps up with a rate if the stream's end reaches it no later than this share of the rate allows. */
    private static final double KEEPING_UP = 0.97;
    /** The Channels part's loads: standing channels, events a second, and 1 for the Calls presentation. */
    private static final int[][] UI_LOADS = { { 5_000, 1_000, 0 }, { 5_000, 1_000, 1 }, { 20_000, 2_000, 0 },
        { 20_000, 2_000, 1 } };
    private static final int UI_SECONDS = 20;
    private static final int QUEUES = 10;
    private static final int MEMBERS_PER_QUEUE = 50;
    private static final int QUEUE_CALLERS = 200;
    private static final double QUEUE_RATE = 100;

    private final Trace trace;
    private final ReplayServer server;
    private final Contenders contenders;
    private final Path out;
    private final Report report;

    private Benchmarks(Trace trace, ReplayServer server, Path peers, Path out) throws IOException {
        this.trace = trace;
        this.server = server;
        this.out = out;
        this.contenders = new Contenders(server, peers, out);
        this.report = new Report(out.resolve("results.md"));
    }

    public static void main(String[] args) throws Exception {
        Path out = Files.createDirectories(Path.of(args[1]));
        Map<String, String> options = options(args);
        List<String> sections = List.of(options.getOrDefault("sections", "throughput,lag,originate,ui,queues,product")
                .split(","));
        Trace trace = Trace.load(Path.of(args[0]));
        try (ReplayServer server = new ReplayServer(trace, 0)) {
            Benchmarks benchmarks = new Benchmarks(trace, server, Path.of(args[2]), out);
            benchmarks.report.line("Trace: %,d events, %,d bytes (%.0f B per event on average).", trace.events(),
                    trace.size(), (double) trace.size() / trace.events());
            if (sections.contains("throughput")) {
                benchmarks.throughput(Integer.parseInt(options.getOrDefault("reps", "3")), passes(options, trace),
                        contenders(options, Contenders.ALL), 0);
            }
            if (sections.contains("warm")) {
                benchmarks.throughput(Integer.parseInt(options.getOrDefault("reps", "3")), passes(options, trace),
                        contenders(options, Contenders.JAVA), warmup(options));
            }
            if (sections.contains("lag")) {
                benchmarks.lag(warmup(options));
            }
            if (sections.contains("originate")) {
                benchmarks.originate(options.getOrDefault("pbx", "127.0.0.1:5038"),
                        Integer.parseInt(options.getOrDefault("originates", "300")));
            }
            if (sections.contains("ui")) {
                benchmarks.ui();
            }
            if (sections.contains("queues")) {
                benchmarks.queuesUi();
            }
            if (sections.contains("product")) {
                benchmarks.report.product(new ProductBench(server, out).measure(Path.of(options.get("product"))));
            }
        }
    }

    /** The events of a warm-up: {@link #WARMUP_SECONDS} at the warm-up's rate, unless the options say otherwise. */
    private static long warmup(Map<String, String> options) {
        return Math.round(ReplayServer.WARMUP_RATE
                * Integer.parseInt(options.getOrDefault("warmup", String.valueOf(WARMUP_SECONDS))));
    }

    private static int passes(Map<String, String> options, Trace trace) {
        return options.containsKey("passes") ? Integer.parseInt(options.get("passes"))
                : (int) Math.max(2, -Math.floorDiv(-EVENTS_PER_RUN, trace.events()));
    }

    /** Those of the contenders the options name (all unless they name some) that are among these. */
    private static List<String> contenders(Map<String, String> options, List<String> among) {
        List<String> named = List.of(options.getOrDefault("contenders", String.join(",", Contenders.ALL)).split(","));
        named.stream().filter(name -> !Contenders.ALL.contains(name)).findFirst().ifPresent(name -> {
            throw new IllegalArgumentException("no contender " + name + "; there are " + Contenders.ALL);
        });
        return named.stream().filter(among::contains).toList();
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 3; i < args.length; i++) {
            String[] pair = args[i].split("=", 2);
            options.put(pair[0], pair[1]);
        }
        return options;
    }

    /**
     * Every contender at full speed over the trace played {@code passes} times, {@code reps} times each in turns
     * (so that a disturbance hits all alike); then the highest rate at which Amicus loses nothing. With a warm-up,
     * each pass comes after that many events on the same connection.
     */
    private void throughput(int reps, int passes, List<String> names, long warmup) throws Exception {
        long events = (long) passes * trace.events();
        System.out.printf("Throughput: %,d events per pass (the trace %d times), %d passes each%s%n", events, passes,
                reps, warmup > 0 ? String.format(", each after %,d events to warm up", warmup) : "");
        Map<String, List<Run>> runs = new LinkedHashMap<>();
        for (int rep = 0; rep < reps; rep++) {
            for (int i = 0; i < names.size(); i++) {
                String contender = names.get((i + rep) % names.size());
                runs.computeIfAbsent(contender, name -> new ArrayList<>())
                        .add(contenders.run(contender, new Plan(0, events, 0, false, warmup)));
            }
        }
        Map<String, Run> medians = new LinkedHashMap<>();
        names.forEach(name -> medians.put(name, median(runs.get(name))));
        Run amicus = medians.get("amicus");
        double zeroLoss = amicus == null ? 0
                : amicus.lost() == 0 && amicus.dropped() == 0 ? amicus.eventsPerSecond()
                        : highestLossless("amicus", events, warmup, amicus);
        report.throughput(medians, zeroLoss, reps, events, warmup);
        StringBuilder data = new StringBuilder(); // Amicus's figure is the one without loss
        medians.values().forEach(run -> data.append('"').append(run.contender()).append("\" ")
                .append(Math.round(run == amicus ? zeroLoss : run.eventsPerSecond())).append('\n'));
        Files.writeString(out.resolve(warmup > 0 ? "throughput-warm.dat" : "throughput.dat"), data);
    }

    private static Run median(List<Run> runs) {
        List<Run> sorted = runs.stream().sorted(Comparator.comparingDouble(Run::eventsPerSecond)).toList();
        return sorted.get(sorted.size() / 2);
    }

    /**
     * Bisects for the highest fixed rate at which the contender loses nothing and keeps up: a rate it only survives
     * by filling its queue, falling behind, does not count.
     */
    private double highestLossless(String contender, long events, long warmup, Run losing) throws Exception {
        System.out.println("Highest rate without loss, " + contender);
        double low = 0;
        double high = losing.eventsPerSecond();
        while (high - low > SEARCH_PRECISION * high) {
            double rate = low == 0 ? high / 2 : (low + high) / 2;
            Run run = contenders.run(contender, new Plan(rate, events, 0, false, warmup));
            if (run.lost() == 0 && run.dropped() == 0 && run.eventsPerSecond() >= KEEPING_UP * rate) {
                low = rate;
            } else {
                high = rate;
            }
        }
        return low;
    }

    /**
     * How long events take from the socket to the registry (Amicus, in a JVM as the hub's and as the window's) or to
     * a frame (the limit), at fixed rates: from a fresh JVM's first event (cold), then after a warm-up on the same
     * connection (warm, the steady state).
     */
    private void lag(long warmup) throws Exception {
        Map<String, Latencies> lags = new LinkedHashMap<>();
        for (long warming : new long[] { 0, warmup }) {
            for (double rate : LAG_RATES) {
                for (String contender : List.of("amicus", Contenders.AMICUS_WINDOW, "framing")) {
                    Latencies latencies = new Latencies(contenders.lags(contender,
                            new Plan(rate, (long) rate * LAG_SECONDS, 0, true, warming)));
                    String suffix = warming > 0 ? "-warm" : "";
                    lags.put(String.format("%s at %,.0f events/s%s", contender, rate, warming > 0 ? ", warm" : ""),
                            latencies);
                    Files.writeString(out.resolve("lag-" + contender + "-" + (int) rate + suffix + ".dat"),
                            latencies.distribution(2_000));
                }
            }
        }
        report.lag(lags);
    }

    /** Originate round trips on the real PBX: raw socket, Amicus, asterisk-java, in turns. */
    private void originate(String pbx, int rounds) throws Exception {
        System.out.println("Originate round trips on the PBX at " + pbx);
        String[] hostPort = pbx.split(":");
        Map<String, Latencies> ways = new LinkedHashMap<>();
        for (String result : Child.results(Child.java(OriginateBench.class, hostPort[0], hostPort[1], "amicus",
                "amicus-secret", String.valueOf(rounds)), out.resolve("originate.log"))) {
            String[] words = result.split(" ");
            long[] nanos = new long[words.length - 1];
            for (int i = 1; i < words.length; i++) {
                nanos[i - 1] = Long.parseLong(words[i]);
            }
            ways.put(words[0].substring("way=".length()).replace('-', ' '), new Latencies(nanos));
        }
        report.originate(ways);
    }

    /**
     * The Channels part showing 5,000 live channels while 1,000 events a second arrive, then 20,000 at 2,000; each
     * in the channel table and in the Calls presentation.
     */
    private void ui() throws Exception {
        for (int[] load : UI_LOADS) {
            int channels = load[0];
            double rate = load[1];
            String presentation = load[2] == 1 ? "calls" : "channels";
            System.out.println("Channels part, " + channels + " channels, " + presentation);
            server.plan(new Plan(rate, (long) rate * (UI_SECONDS + 120), channels, false));
            Map<String, Long> result = Child.numbers(Child.results(Child.java(UiBench.class,
                    String.valueOf(server.port()), String.valueOf(channels), String.valueOf(UI_SECONDS),
                    presentation), out.resolve("ui-" + channels + "-" + presentation + ".log")).get(0));
            report.ui(channels, rate, presentation, result);
        }
    }

    /** The Queues part showing 500 members and 200 waiting callers while calls go through. */
    private void queuesUi() throws Exception {
        System.out.println("Queues part");
        Map<String, Long> result = Child.numbers(Child.results(Child.java(QueuesUiBench.class,
                String.valueOf(QUEUES), String.valueOf(MEMBERS_PER_QUEUE), String.valueOf(QUEUE_CALLERS),
                String.valueOf(QUEUE_RATE), String.valueOf(UI_SECONDS)), out.resolve("queues-ui.log")).get(0));
        report.queuesUi(QUEUES * MEMBERS_PER_QUEUE, QUEUE_CALLERS, QUEUE_RATE, result.get("busy") / 10.0,
                result.get("cpu") / 10.0, result.get("refreshes") / 100.0);
    }
}

package org.amicus.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The figures of one run as Markdown tables, written to a file (and the console) as each part finishes. */
final class Report {

    private final Path file;

    Report(Path file) throws IOException {
        this.file = file;
        Files.writeString(file, "");
    }

    void line(String format, Object... args) {
        String text = String.format(format, args);
        System.out.println(text);
        try {
            Files.writeString(file, text + "\n", StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The goals for the event path, against the same run's contenders. */
    static final double GOAL_TIMES_FRAMING = 0.5;
    static final double GOAL_TIMES_ASTERISK_JAVA = 2.5;

    void throughput(Map<String, Run> medians, double zeroLoss, int reps, long events, long warmup) {
        Run asteriskJava = medians.get("asterisk-java");
        Run node = medians.entrySet().stream().filter(entry -> !entry.getKey().equals("asterisk-java")
                && !entry.getKey().equals("framing") && !entry.getKey().equals("amicus")).map(Map.Entry::getValue)
                .max(java.util.Comparator.comparingDouble(Run::eventsPerSecond)).orElse(null);
        Run limit = medians.get("framing");
        line("");
        String warm = warmup > 0 ? String.format(" after a warm-up (%,d events at %,.0f events/s on the same "
                + "connection)", warmup, ReplayServer.WARMUP_RATE) : "";
        line("Full speed, %,d events per pass%s, median of %d passes:", events, warm, reps);
        line("");
        line("| Contender | events/s | × asterisk-java | × best Node peer | × framing limit | events delivered "
                + "| CPU µs per event |");
        line("|---|---:|---:|---:|---:|---:|---:|");
        medians.values().forEach(run -> line("| %s | %,.0f | %s | %s | %s | %,d of %,d (%.1f %%) | %.2f |",
                run.contender(), run.eventsPerSecond(), ratio(run.eventsPerSecond(), asteriskJava),
                ratio(run.eventsPerSecond(), node), ratio(run.eventsPerSecond(), limit), run.delivered(), run.sent(),
                100.0 * run.delivered() / run.sent(), run.cpuMicrosPerEvent()));
        Run amicus = medians.get("amicus");
        if (amicus == null) {
            return;
        }
        line("| **amicus, highest rate with zero loss, kept up** | **%,.0f** | **%s** | **%s** | **%s** "
                + "| all, unknown events included | |", zeroLoss, ratio(zeroLoss, asteriskJava), ratio(zeroLoss, node),
                ratio(zeroLoss, limit));
        line("");
        line("Amicus's registry was left with %d live channels after the full-speed passes.", amicus.channels());
        line("");
        line("Goals on this trace%s: Amicus at zero loss %s× the framing reader (goal ≥ %.1f×: %s), %s× "
                + "asterisk-java (goal ≥ %.1f×: %s).", warmup > 0 ? ", warm" : "", ratio(zeroLoss, limit),
                GOAL_TIMES_FRAMING, verdict(zeroLoss, limit, GOAL_TIMES_FRAMING), ratio(zeroLoss, asteriskJava),
                GOAL_TIMES_ASTERISK_JAVA, verdict(zeroLoss, asteriskJava, GOAL_TIMES_ASTERISK_JAVA));
        if (limit != null) {
            line("By CPU per event, which a busy machine moves far less than speed, Amicus costs %.2f× the framing "
                    + "reader%s.", amicus.cpuMicrosPerEvent() / limit.cpuMicrosPerEvent(), asteriskJava == null ? ""
                            : String.format(" and %.2f× asterisk-java", amicus.cpuMicrosPerEvent()
                                    / asteriskJava.cpuMicrosPerEvent()));
        }
    }

    private static String ratio(double eventsPerSecond, Run reference) {
        return reference == null ? "–" : String.format("%.2f", eventsPerSecond / reference.eventsPerSecond());
    }

    private static String verdict(double eventsPerSecond, Run reference, double goal) {
        return reference == null ? "not measured"
                : eventsPerSecond >= goal * reference.eventsPerSecond() ? "met" : "not met";
    }

    void lag(Map<String, Latencies> lags) {
        line("");
        line("Dispatch lag, from the server's write to the listener (Amicus: after the registry applied the event):");
        line("");
        line("| Path and rate | events | p50 ms | p99 ms | max ms |");
        line("|---|---:|---:|---:|---:|");
        lags.forEach((name, lag) -> line("| %s | %,d | %.3f | %.3f | %.3f |", name, lag.size(), lag.percentile(50),
                lag.percentile(99), lag.max()));
    }

    void originate(Map<String, Latencies> ways) {
        Latencies raw = ways.get("raw socket");
        line("");
        line("Originate round trip on the PBX, from sending to the OriginateResponse event, %,d rounds each:",
                raw.size());
        line("");
        line("| Way | p50 ms | p95 ms | p99 ms | overhead p50 ms | overhead p95 ms |");
        line("|---|---:|---:|---:|---:|---:|");
        ways.forEach((way, times) -> line("| %s | %.2f | %.2f | %.2f | %+.2f | %+.2f |", way, times.percentile(50),
                times.percentile(95), times.percentile(99), times.percentile(50) - raw.percentile(50),
                times.percentile(95) - raw.percentile(95)));
    }

    /** {@code result}: what {@link UiBench} printed. */
    void ui(int channels, double rate, String presentation, Map<String, Long> result) {
        line("");
        line("Channels part (%s), %,d standing channels and %,.0f events/s: UI thread busy %.1f %% of the time, "
                + "%.1f refreshes/s (tenths of a second with a channel change: %.1f a second), a change taken in by "
                + "the next refresh after %.1f / %.1f / %.1f ms (p50 / p99 / max), the registry's snapshot made in "
                + "%.2f / %.2f ms (p50 / p99), %,d channel rows shown; the part's arranging thread on a core "
                + "%.1f %% of the time.",
                presentation, channels, rate, result.get("busy") / 10.0, result.get("refreshes") / 100.0,
                result.get("changed") / 100.0, result.get("waitp50") / 1000.0, result.get("waitp99") / 1000.0,
                result.get("waitmax") / 1000.0, result.get("snapshotp50") / 1000.0,
                result.get("snapshotp99") / 1000.0, result.get("channels"), result.get("arranging") / 10.0);
    }

    void queuesUi(int members, int callers, double rate, double busyPercent, double cpuPercent,
            double refreshesPerSecond) {
        line("");
        line("Queues part, %,d members and %,d callers waiting, %,.0f queue events/s: UI thread busy %.1f %% of the "
                + "time (on a core %.1f %%), %.1f refreshes/s.", members, callers, rate, busyPercent, cpuPercent,
                refreshesPerSecond);
    }

    void product(ProductBench.Figures figures) {
        line("");
        line("Product: window after %s ms (median %,d ms), connected after %s ms (median %,d ms), each a new process "
                + "after a first start whose window showed after %,d ms; resident memory %,d MB after start, %,d MB "
                + "with %,d channels and %,.0f events/s.", joined(figures.windowMillis()),
                median(figures.windowMillis()), joined(figures.connectedMillis()), median(figures.connectedMillis()),
                figures.firstWindowMillis(), figures.rssAfterStartMb(), figures.rssLoadedMb(), figures.channels(),
                figures.rate());
        line("Command line: `amicus cli status` %,d ms at its first start for a user, then %s ms.",
                figures.cliFirstMillis(), joined(figures.cliMillis()));
    }

    private static String joined(List<Long> millis) {
        return millis.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    private static long median(List<Long> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }
}

package org.amicus.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

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

    void throughput(Map<String, Run> medians, double zeroLoss, int reps, long events) {
        double asteriskJava = medians.get("asterisk-java").eventsPerSecond();
        double node = Math.max(medians.get("asterisk-manager").eventsPerSecond(),
                medians.get("nami").eventsPerSecond());
        double limit = medians.get("framing").eventsPerSecond();
        line("");
        line("Full speed, %,d events per pass, median of %d passes:", events, reps);
        line("");
        line("| Contender | events/s | × asterisk-java | × best Node peer | × framing limit | events delivered |");
        line("|---|---:|---:|---:|---:|---:|");
        medians.values().forEach(run -> line("| %s | %,.0f | %.2f | %.2f | %.2f | %,d of %,d (%.1f %%) |",
                run.contender(), run.eventsPerSecond(), run.eventsPerSecond() / asteriskJava,
                run.eventsPerSecond() / node, run.eventsPerSecond() / limit, run.delivered(), run.sent(),
                100.0 * run.delivered() / run.sent()));
        line("| **amicus, highest rate with zero loss, kept up** | **%,.0f** | **%.2f** | **%.2f** | **%.2f** "
                + "| all, unknown events included |", zeroLoss, zeroLoss / asteriskJava, zeroLoss / node,
                zeroLoss / limit);
        line("");
        line("Amicus's registry was left with %d live channels after the full-speed passes (the trace ends with "
                + "none).", medians.get("amicus").channels());
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

    void ui(int channels, double rate, double busyPercent, double refreshesPerSecond, long shown) {
        line("");
        line("Channels part, %,d standing channels and %,.0f events/s: UI thread busy %.1f %% of the time, "
                + "%.1f refreshes/s, %,d rows shown.", channels, rate, busyPercent, refreshesPerSecond, shown);
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
        line("Product: window after %,d ms, connected after %,d ms (cold start); resident memory %,d MB after "
                + "start, %,d MB with %,d channels and %,.0f events/s.", figures.windowMillis(),
                figures.connectedMillis(), figures.rssAfterStartMb(), figures.rssLoadedMb(), figures.channels(),
                figures.rate());
    }
}

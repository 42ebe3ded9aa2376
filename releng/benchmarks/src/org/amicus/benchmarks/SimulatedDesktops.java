package org.amicus.benchmarks;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.amicus.cti.ChannelChange;
import org.amicus.cti.hub.HubDesktop;
import org.amicus.cti.hub.HubLogin;

/**
 * Desktops in hub mode, many in one process, for {@link HubLoadBench}: each is a {@link HubDesktop} as the product
 * makes it (its own NATS connection and user, asking the hub who it is, watching its buckets, hearing the
 * heartbeat). Each notes when a channel first appears on it (wall clock, microseconds). Prints {@code RESULT ready}
 * once all are connected; on the line {@code report} on stdin, writes the sightings to a file, prints {@code RESULT
 * <desktops> <hub status changes>} and ends.
 * <p>
 * Usage: {@code SimulatedDesktops <servers> <first user number> <count> <sightings file>}
 */
public final class SimulatedDesktops {

    private SimulatedDesktops() {
    }

    public static void main(String[] args) throws Exception {
        List<String> servers = Arrays.asList(args[0].split(","));
        int first = Integer.parseInt(args[1]);
        int count = Integer.parseInt(args[2]);
        Path sightingsFile = Path.of(args[3]);
        List<HubDesktop> desktops = new ArrayList<>();
        List<Map<String, Long>> sightings = new ArrayList<>();
        AtomicInteger statusChanges = new AtomicInteger();
        for (int i = first; i < first + count; i++) {
            HubDesktop desktop = new HubDesktop(new HubLogin(servers, HubLoadBench.user(i),
                    HubLoadBench.password(i)));
            Map<String, Long> seen = new ConcurrentHashMap<>();
            desktop.registry().addListener(changes -> {
                long now = micros();
                for (ChannelChange change : changes) {
                    if (change.kind() == ChannelChange.Kind.ADDED) {
                        seen.putIfAbsent(change.channel().uniqueId(), now);
                    }
                }
            });
            desktop.connect();
            desktop.status().addListener(status -> statusChanges.incrementAndGet());
            desktops.add(desktop);
            sightings.add(seen);
        }
        System.out.println("RESULT ready");
        System.out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null && !line.equals("report")) {
            // waits for the word
        }
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(sightingsFile))) {
            for (int d = 0; d < sightings.size(); d++) {
                for (Map.Entry<String, Long> sighting : sightings.get(d).entrySet()) {
                    out.println((first + d) + " " + sighting.getKey() + " " + sighting.getValue());
                }
            }
        }
        System.out.println("RESULT " + desktops.size() + " " + statusChanges.get());
        System.out.flush();
        for (HubDesktop desktop : desktops) {
            desktop.close();
        }
        System.exit(0);
    }

    static long micros() {
        return ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
    }
}

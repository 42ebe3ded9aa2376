package org.amicus.benchmarks;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.amicus.cti.ChannelChange;
import org.amicus.cti.hub.HubDesktop;
import org.amicus.cti.hub.HubLogin;
import org.amicus.cti.hub.HubSubjects;

import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.api.KeyValueEntry;
import io.nats.client.api.KeyValueOperation;
import io.nats.client.api.KeyValueWatcher;

/**
 * Desktops in hub mode, many in one process, for {@link HubLoadBench}: each is a {@link HubDesktop} as the product
 * makes it (its own NATS connection and user, asking the hub who it is, watching its buckets, hearing the
 * heartbeat). Each notes when a channel first appears on it (wall clock, microseconds). Prints {@code RESULT ready}
 * once all are connected; on the line {@code report} on stdin, waits until every desktop has seen its calls end,
 * writes the sightings to a file, prints {@code RESULT <desktops> <hub status changes> <desktops still holding calls>}
 * and ends. With {@code light}, each is only what a desktop costs the servers: its
 * own NATS connection and user, watching its team's bucket, noting when an entry first comes, and when the stream
 * stored it (the server's clock, the same machine's), but no registry.
 * <p>
 * Usage: {@code SimulatedDesktops <servers> <first user number> <count> <sightings file> [light]}
 */
public final class SimulatedDesktops {

    /** How long the desktops may take, after the load, to see the last calls end. */
    static final Duration DRAIN_LIMIT = Duration.ofMinutes(2);
    private static final Object CHANGED = new Object();

    private SimulatedDesktops() {
    }

    public static void main(String[] args) throws Exception {
        List<String> servers = Arrays.asList(args[0].split(","));
        int first = Integer.parseInt(args[1]);
        int count = Integer.parseInt(args[2]);
        Path sightingsFile = Path.of(args[3]);
        List<HubDesktop> desktops = new ArrayList<>();
        List<Map<String, Long>> sightings = new ArrayList<>();
        Map<String, Long> stored = new ConcurrentHashMap<>();   // key -> when its first entry was stored, if known
        AtomicInteger statusChanges = new AtomicInteger();
        List<BooleanSupplier> drained = new ArrayList<>();
        if (args.length > 4 && args[4].equals("light")) {
            watchLightly(servers, first, count, sightings, stored, drained, statusChanges);
        } else {
            connectWhole(servers, first, count, desktops, sightings, drained, statusChanges);
        }
        System.out.println("RESULT ready");
        System.out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null && !line.equals("report")) {
            // waits for the word
        }
        // the last calls' ends come after their beginnings: once they are here, every sighting is
        long undrained = awaitDrained(drained, DRAIN_LIMIT);
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(sightingsFile))) {
            for (int d = 0; d < sightings.size(); d++) {
                for (Map.Entry<String, Long> sighting : sightings.get(d).entrySet()) {
                    out.println((first + d) + " " + sighting.getKey() + " " + sighting.getValue() + " "
                            + stored.getOrDefault(sighting.getKey(), -1L));
                }
            }
        }
        System.out.println("RESULT " + sightings.size() + " " + statusChanges.get() + " " + undrained);
        System.out.flush();
        for (HubDesktop desktop : desktops) {
            desktop.close();
        }
        System.exit(0);
    }

    /** Whole desktops, as the product makes them, each noting when a channel first comes into its registry. */
    private static void connectWhole(List<String> servers, int first, int count, List<HubDesktop> desktops,
            List<Map<String, Long>> sightings, List<BooleanSupplier> drained, AtomicInteger statusChanges)
            throws Exception {
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
                changed();
            });
            drained.add(() -> desktop.registry().snapshot().size() == 0);
            desktop.connect();
            desktop.status().addListener(status -> statusChanges.incrementAndGet());
            desktops.add(desktop);
            sightings.add(seen);
        }
    }

    /** The desktops as bare watchers of the team's bucket: the entries' keys are the channels' unique ids. */
    private static void watchLightly(List<String> servers, int first, int count, List<Map<String, Long>> sightings,
            Map<String, Long> stored, List<BooleanSupplier> drained, AtomicInteger disconnects) throws Exception {
        for (int i = first; i < first + count; i++) {
            Map<String, Long> seen = new ConcurrentHashMap<>();
            Set<String> live = ConcurrentHashMap.newKeySet();
            Connection connection = Nats.connect(Options.builder().servers(servers.toArray(String[]::new))
                    .userInfo(HubLoadBench.user(i), HubLoadBench.password(i))
                    .inboxPrefix(HubSubjects.inboxPrefix(HubLoadBench.user(i))).maxReconnects(-1)
                    .connectionListener((changed, event) -> {
                        if (event == ConnectionListener.Events.DISCONNECTED) {
                            disconnects.incrementAndGet();
                        }
                    }).build());
            CountDownLatch read = new CountDownLatch(1);
            connection.keyValue(HubSubjects.teamBucket(HubLoadBench.TEAM)).watchAll(new KeyValueWatcher() {
                @Override
                public void watch(KeyValueEntry entry) {
                    if (entry.getOperation() == KeyValueOperation.PUT) {
                        seen.putIfAbsent(entry.getKey(), micros());
                        stored.putIfAbsent(entry.getKey(), micros(entry.getCreated().toInstant()));
                        live.add(entry.getKey());
                    } else {
                        live.remove(entry.getKey());
                    }
                    changed();
                }

                @Override
                public void endOfData() {
                    read.countDown();
                }
            });
            read.await();
            sightings.add(seen);
            drained.add(live::isEmpty);
        }
    }

    /** Wakes {@link #awaitDrained} to look again: a desktop's channels changed. */
    private static void changed() {
        synchronized (CHANGED) {
            CHANGED.notifyAll();
        }
    }

    /** Waits, woken by each change, until every desktop holds no channel; returns how many still do at the limit. */
    private static long awaitDrained(List<BooleanSupplier> drained, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        synchronized (CHANGED) {
            while (!drained.stream().allMatch(BooleanSupplier::getAsBoolean)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                CHANGED.wait(Math.max(1, left / 1_000_000));
            }
        }
        return drained.stream().filter(empty -> !empty.getAsBoolean()).count();
    }

    static long micros() {
        return micros(Instant.now());
    }

    private static long micros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }
}

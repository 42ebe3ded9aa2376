package org.amicus.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.amicus.cti.Channel;
import org.amicus.cti.ChannelState;
import org.amicus.cti.Party;
import org.amicus.cti.hub.ChannelCodec;
import org.amicus.cti.hub.HubDesktop;
import org.amicus.cti.hub.HubLogin;
import org.amicus.cti.hub.HubSubjects;
import org.amicus.cti.hub.NatsOptions;
import org.amicus.testing.TestPbx;

import io.nats.client.Connection;
import io.nats.client.KeyValue;
import io.nats.client.Nats;

/**
 * The hub under load, as a contact centre runs it: the product's own {@code amicus hub} on the test PBX (its one AMI
 * session), the real 3-node NATS cluster with the accounts the hub writes, and N desktops in hub mode
 * ({@link SimulatedDesktops}, a few processes) all of one team, so that each watches every call; phones calling each
 * other at 5 calls a second (sipp). Measured per N: Asterisk's CPU, the lag from the PBX's {@code Newchannel} (as an
 * AMI observer on the same machine hears it) to each desktop's registry, channels some desktop missed, desktops whose
 * hub status changed, the hub's and the NATS servers' CPU and memory, the desktops' own CPU apart, and how long a
 * desktop connecting during the load takes to hold the live channels. With {@code light=true} the simulated desktops
 * are bare watchers of the team's bucket ({@link SimulatedDesktops}): what desktops cost the servers, without each
 * desktop's own work on the shared cores.
 * <p>
 * Usage: {@code HubLoadBench <launcher> <out dir> <test-nats start script> desktops=10,100,500,1000 processes=4 seconds=60
 * light=false}
 */
public final class HubLoadBench {

    private static final List<String> SERVERS = List.of("nats://127.0.0.1:4222", "nats://127.0.0.1:4223",
            "nats://127.0.0.1:4224");
    /** The phones the load rings, in the roster: the rest of the team has phones that never ring. */
    private static final List<String> PHONES = List.of("PJSIP/104", "PJSIP/105", "PJSIP/106", "PJSIP/108");
    static final String TEAM = "floor";
    private static final String HUB_USER = "hub";
    private static final String HUB_PASSWORD = "hub-password-for-bench";
    private static final int MANY_CHANNELS = 2_000;
    private static final Duration READY_LIMIT = Duration.ofMinutes(5);
    private static final Duration HUB_START = Duration.ofMinutes(1);
    private static final long TICKS_PER_SECOND = 100;   // USER_HZ on Linux

    private final Path launcher;
    private final Path out;
    private final Path natsStart;
    private final int processes;
    private final int seconds;
    private final boolean light;

    private HubLoadBench(Path launcher, Path out, Path natsStart, int processes, int seconds, boolean light) {
        this.launcher = launcher;
        this.out = out;
        this.natsStart = natsStart;
        this.processes = processes;
        this.seconds = seconds;
        this.light = light;
    }

    static String user(int i) {
        return "u%04d".formatted(i);
    }

    static String password(int i) {
        return user(i) + "-password";
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = Arrays.stream(args).skip(3).map(arg -> arg.split("=", 2))
                .collect(Collectors.toMap(pair -> pair[0], pair -> pair[1]));
        HubLoadBench bench = new HubLoadBench(Path.of(args[0]), Path.of(args[1]), Path.of(args[2]),
                Integer.parseInt(options.getOrDefault("processes", "4")),
                Integer.parseInt(options.getOrDefault("seconds", "60")),
                Boolean.parseBoolean(options.getOrDefault("light", "false")));
        Files.createDirectories(bench.out);
        StringBuilder table = new StringBuilder("""
                | Desktops | Asterisk CPU | lag p50 / p99 / max | of it: PBX to stream / stream to desktop | channels \
                | missed | status changes | a task waiting for a core | hub CPU / RSS \
                | NATS CPU / RSS (3 nodes) | desktops' CPU | a desktop joining: channels, time \
                | a desktop joining 2,000 channels: held, min / median / max |
                |---|---|---|---|---|---|---|---|---|---|---|---|---|
                """);
        for (String n : options.getOrDefault("desktops", "10,100,500,1000").split(",")) {
            String row = bench.measure(Integer.parseInt(n));
            System.out.println(row);
            table.append(row).append('\n');
            Files.writeString(bench.out.resolve("results.md"), table);
        }
    }

    private String measure(int desktops) throws Exception {
        Path config = out.resolve("hub-" + desktops + ".json");
        Files.writeString(config, roster(desktops));
        Path accounts = out.resolve("accounts-" + desktops + ".conf");
        run(List.of(launcher.toString(), "hub", "nats-config", "--config", config.toString()), accounts);
        run(List.of(natsStart.toString(), accounts.toString()), out.resolve("nats-start.log"));
        Path hubLog = out.resolve("hub-" + desktops + ".log");
        Process hub = new ProcessBuilder(launcher.toString(), "hub", "--config", config.toString())
                .redirectErrorStream(true).start();
        CompletableFuture<Void> serving = copyUntilSaid(hub, hubLog, "Hub serving");
        try (Probe probe = new Probe()) {
            serving.get(HUB_START.toMillis(), TimeUnit.MILLISECONDS);
            List<Process> simulated = startDesktops(desktops);
            try {
                Map<String, Long> cpuBefore = cpu(hub, simulated);
                CountDownLatch enough = new CountDownLatch(1);
                CompletableFuture.delayedExecutor(seconds, TimeUnit.SECONDS).execute(enough::countDown);
                CompletableFuture<Void> joiner = CompletableFuture.runAsync(this::joinDuringLoad,
                        CompletableFuture.delayedExecutor(seconds / 2, TimeUnit.SECONDS));
                SippLoad.contactCentre().runUntil(enough);
                joiner.join();
                Map<String, Long> cpuAfter = cpu(hub, simulated);
                long rssHub = rssKiB(hub.toHandle());
                long rssNats = natsServers().stream().mapToLong(HubLoadBench::rssKiB).sum();
                Sightings sightings = report(simulated, desktops);
                simulated.forEach(Process::destroyForcibly);
                return row(desktops, cpuBefore, cpuAfter, rssHub, rssNats, sightings, probe.created) + " "
                        + resyncOfManyChannels() + " |";
            } finally {
                simulated.forEach(Process::destroyForcibly);
            }
        } finally {
            hub.destroy();
            if (!hub.waitFor(20, TimeUnit.SECONDS)) {
                hub.destroyForcibly();
            }
        }
    }

    private final Map<Process, BufferedReader> readers = new HashMap<>();
    private String joined = "–";

    /** A desktop connects (halfway through the load): how long until it holds the live channels. */
    private void joinDuringLoad() {
        try {
            long start = System.nanoTime();
            try (HubDesktop late = HubDesktop.connect(new HubLogin(SERVERS, user(1), password(1)))) {
                long millis = (System.nanoTime() - start) / 1_000_000;
                joined = late.registry().snapshot().size() + " in " + millis + " ms";
            }
        } catch (Exception e) {
            joined = "failed: " + e.getMessage();
        }
    }

    /**
     * How long a desktop connecting takes to hold {@value #MANY_CHANNELS} live channels (its login, whoami, and the
     * watch's load of its team's bucket): that many entries are written into the bucket as the hub writes channels,
     * then a desktop connects, five times; the entries are deleted again after.
     */
    private String resyncOfManyChannels() throws Exception {
        try (Connection asHub = Nats.connect(NatsOptions.of(SERVERS, HUB_USER, HUB_PASSWORD, Optional.empty(),
                "amicus-bench-hub").build())) {
            KeyValue bucket = asHub.keyValue(HubSubjects.teamBucket(TEAM));
            List<String> keys = new ArrayList<>();
            Instant now = Instant.now();
            for (int i = 0; i < MANY_CHANNELS; i++) {
                String uniqueId = "1800000000." + i;
                keys.add(HubSubjects.key(uniqueId));
                bucket.put(keys.get(i), ChannelCodec.encode(new Channel(uniqueId, "PJSIP/trunk-%08x".formatted(i),
                        uniqueId, ChannelState.UP, new Party("0611" + i, "Caller " + i), new Party("104", "Agent"),
                        "from-trunk", "5550104", "Dial", "PJSIP/104,60,t", "PJSIP/104-%08x".formatted(i), "", now,
                        now)));
            }
            List<Long> millis = new ArrayList<>();
            int held = 0;
            for (int round = 0; round < 5; round++) {
                long start = System.nanoTime();
                try (HubDesktop joining = HubDesktop.connect(new HubLogin(SERVERS, user(1), password(1)))) {
                    millis.add((System.nanoTime() - start) / 1_000_000);
                    held = joining.registry().snapshot().size();
                }
            }
            for (String key : keys) {
                bucket.delete(key);
            }
            Collections.sort(millis);
            return "%d: %d / %d / %d ms".formatted(held, millis.get(0), millis.get(2), millis.get(4));
        }
    }

    private String roster(int desktops) {
        String users = IntStream.rangeClosed(1, desktops).mapToObj(i -> """
                    { "user": "%s", "password": "%s", "role": "agent", "phone": "%s", "team": "%s" }"""
                .formatted(user(i), password(i), i <= PHONES.size() ? PHONES.get(i - 1) : "PJSIP/9%04d".formatted(i), TEAM))
                .collect(Collectors.joining(",\n"));
        return """
                {
                  "pbx": { "host": "%s", "port": %d, "user": "amicus-hub", "secret": "%s" },
                  "nats": { "servers": ["%s"], "user": "%s", "password": "%s", "replicas": 3 },
                  "dialContext": "%s",
                  "users": [
                %s
                  ]
                }
                """.formatted(TestPbx.HOST, TestPbx.PORT, TestPbx.HUB_SECRET, String.join("\", \"", SERVERS),
                HUB_USER, HUB_PASSWORD, TestPbx.CONTEXT, users);
    }

    private List<Process> startDesktops(int desktops) throws Exception {
        List<Process> started = new ArrayList<>();
        int per = (desktops + processes - 1) / processes;
        for (int first = 1; first <= desktops; first += per) {
            int count = Math.min(per, desktops - first + 1);
            Path log = out.resolve("desktops-" + desktops + "-" + first + ".log");
            started.add(new ProcessBuilder(Child.java(SimulatedDesktops.class, String.join(",", SERVERS),
                    String.valueOf(first), String.valueOf(count), sightingsFile(desktops, first).toString(),
                    light ? "light" : "full")).redirectError(log.toFile()).start());
        }
        for (Process process : started) {
            String line = readResult(process, READY_LIMIT);
            if (!line.equals("ready")) {
                throw new IOException("simulated desktops did not connect: " + line);
            }
        }
        return started;
    }

    private Path sightingsFile(int desktops, int first) {
        return out.resolve("sightings-" + desktops + "-" + first + ".txt");
    }

    /**
     * Every desktop's sightings, read back from the processes' files.
     *
     * @param stored when the stream stored each entry first (bare watchers only)
     * @param undrained desktops that still held channels {@link SimulatedDesktops#DRAIN_LIMIT} after the load
     */
    private record Sightings(Map<Integer, Map<String, Long>> byDesktop, Map<String, Long> stored, int statusChanges,
            int undrained) {
    }

    private Sightings report(List<Process> simulated, int desktops) throws Exception {
        int statusChanges = 0;
        int undrained = 0;
        for (Process process : simulated) {
            OutputStream in = process.getOutputStream();
            in.write("report\n".getBytes(StandardCharsets.US_ASCII));
            in.flush();
        }
        for (Process process : simulated) {
            String[] result = readResult(process, SimulatedDesktops.DRAIN_LIMIT.plusMinutes(1)).split(" ");
            statusChanges += Integer.parseInt(result[1]);
            undrained += Integer.parseInt(result[2]);
        }
        Map<Integer, Map<String, Long>> byDesktop = new HashMap<>();
        Map<String, Long> stored = new HashMap<>();
        int per = (desktops + processes - 1) / processes;
        for (int first = 1; first <= desktops; first += per) {
            for (String line : Files.readAllLines(sightingsFile(desktops, first))) {
                String[] words = line.split(" ");
                byDesktop.computeIfAbsent(Integer.parseInt(words[0]), d -> new HashMap<>())
                        .put(words[1], Long.parseLong(words[2]));
                if (!words[3].equals("-1")) {
                    stored.put(words[1], Long.parseLong(words[3]));
                }
            }
        }
        for (int d = 1; d <= desktops; d++) {
            byDesktop.putIfAbsent(d, Map.of());
        }
        return new Sightings(byDesktop, stored, statusChanges, undrained);
    }

    private String row(int desktops, Map<String, Long> before, Map<String, Long> after, long rssHub, long rssNats,
            Sightings sightings, Map<String, Long> created) {
        Set<String> seenByAny = new HashSet<>();
        sightings.byDesktop().values().forEach(seen -> seenByAny.addAll(seen.keySet()));
        long missed = sightings.byDesktop().values().stream()
                .mapToLong(seen -> seenByAny.size() - seen.size()).sum();
        Map<String, Long> createdByKey = new HashMap<>(created);
        created.forEach((uniqueId, micros) -> createdByKey.put(HubSubjects.key(uniqueId), micros));
        long[] lags = sightings.byDesktop().values().stream().flatMap(seen -> seen.entrySet().stream())
                .filter(sighting -> createdByKey.containsKey(sighting.getKey()))
                .mapToLong(sighting -> sighting.getValue() - createdByKey.get(sighting.getKey())).toArray();
        Map<String, Long> stored = sightings.stored();
        long[] toStream = stored.entrySet().stream().filter(entry -> createdByKey.containsKey(entry.getKey()))
                .mapToLong(entry -> entry.getValue() - createdByKey.get(entry.getKey())).toArray();
        long[] toDesktops = sightings.byDesktop().values().stream().flatMap(seen -> seen.entrySet().stream())
                .filter(sighting -> stored.containsKey(sighting.getKey()))
                .mapToLong(sighting -> sighting.getValue() - stored.get(sighting.getKey())).toArray();
        String missedText = missed + (sightings.undrained() == 0 ? ""
                : " (" + sightings.undrained() + " desktops still held calls " + SimulatedDesktops.DRAIN_LIMIT.toMinutes()
                        + " min after the load)");
        return "| %d | %s | %s | %s / %s | %d | %s | %d | %s | %s / %d MiB | %s / %d MiB | %s | %s |".formatted(
                desktops, share(before, after, "asterisk"), percentiles(lags), percentiles(toStream),
                percentiles(toDesktops), seenByAny.size(), missedText, sightings.statusChanges(),
                share(before, after, "pressure"), share(before, after, "hub"), rssHub / 1024,
                share(before, after, "nats"), rssNats / 1024, share(before, after, "desktops"), joined);
    }

    /** p50 / p99 / max of lags in microseconds, in milliseconds. */
    private static String percentiles(long[] micros) {
        if (micros.length == 0) {
            return "–";
        }
        Latencies lags = new Latencies(Arrays.stream(micros).map(lag -> lag * 1_000).toArray());
        return "%.1f / %.1f / %.1f ms".formatted(lags.percentile(50), lags.percentile(99), lags.max());
    }

    /** CPU time as a share of one core over the load (a waiting time as a share of the load's). */
    private String share(Map<String, Long> before, Map<String, Long> after, String what) {
        double cpuSeconds = (after.get(what) - before.get(what)) / (double) TICKS_PER_SECOND;
        return "%.0f %%".formatted(100 * cpuSeconds / seconds);
    }

    private static Map<String, Long> cpu(Process hub, List<Process> simulated) throws IOException {
        Map<String, Long> ticks = new HashMap<>();
        ticks.put("asterisk", named("asterisk").stream().mapToLong(HubLoadBench::ticks).sum());
        ticks.put("hub", ticks(hub.toHandle()));
        ticks.put("nats", natsServers().stream().mapToLong(HubLoadBench::ticks).sum());
        ticks.put("desktops", simulated.stream().mapToLong(process -> ticks(process.toHandle())).sum());
        ticks.put("pressure", waitingForACore() * TICKS_PER_SECOND / 1_000_000);
        return ticks;
    }

    /**
     * How long, in microseconds since boot, some task was ready to run but waited for a core (the kernel's CPU
     * pressure): the share of the load's time it grows by says how contended the cores were.
     */
    private static long waitingForACore() throws IOException {
        String some = Files.readAllLines(Path.of("/proc/pressure/cpu")).get(0);
        return Long.parseLong(some.substring(some.indexOf("total=") + 6).strip());
    }

    private static List<ProcessHandle> natsServers() {
        return named("nats-server");
    }

    private static List<ProcessHandle> named(String command) {
        return ProcessHandle.allProcesses().filter(process -> {
            try {
                return Files.readString(Path.of("/proc", String.valueOf(process.pid()), "comm")).strip()
                        .equals(command);
            } catch (IOException e) {
                return false;
            }
        }).toList();
    }

    /** User and system time of the process and its descendants, in clock ticks. */
    private static long ticks(ProcessHandle process) {
        long sum = 0;
        for (ProcessHandle one : concat(process)) {
            try {
                String stat = Files.readString(Path.of("/proc", String.valueOf(one.pid()), "stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                sum += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            } catch (IOException e) {
                // ended meanwhile
            }
        }
        return sum;
    }

    private static long rssKiB(ProcessHandle process) {
        long sum = 0;
        for (ProcessHandle one : concat(process)) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(one.pid()), "status"))) {
                    if (line.startsWith("VmRSS:")) {
                        sum += Long.parseLong(line.replaceAll("[^0-9]", ""));
                    }
                }
            } catch (IOException e) {
                // ended meanwhile
            }
        }
        return sum;
    }

    private static List<ProcessHandle> concat(ProcessHandle process) {
        List<ProcessHandle> all = new ArrayList<>(List.of(process));
        all.addAll(process.descendants().toList());
        return all;
    }

    private static void run(List<String> command, Path output) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectOutput(output.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed");
        }
    }

    /**
     * Copies the process's output into the log as it comes; the future completes once a line holds the text, and
     * fails if the output ends first.
     */
    private static CompletableFuture<Void> copyUntilSaid(Process process, Path log, String text) {
        CompletableFuture<Void> said = new CompletableFuture<>();
        Thread.ofPlatform().daemon().name("hub-load-log").start(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8)); var copy = Files.newBufferedWriter(log)) {
                for (String line; (line = lines.readLine()) != null; ) {
                    copy.write(line);
                    copy.newLine();
                    copy.flush();
                    if (line.contains(text)) {
                        said.complete(null);
                    }
                }
            } catch (IOException e) {
                said.completeExceptionally(e);
            }
            said.completeExceptionally(new IOException("the hub ended without saying \"" + text + "\"; see " + log));
        });
        return said;
    }

    /** The next {@code RESULT} line of the process, within the limit. */
    private String readResult(Process process, Duration limit) throws Exception {
        BufferedReader reader = readers.computeIfAbsent(process, started -> new BufferedReader(
                new InputStreamReader(started.getInputStream(), StandardCharsets.UTF_8)));
        return CompletableFuture.supplyAsync(() -> {
            try {
                String read;
                while ((read = reader.readLine()) != null) {
                    if (read.startsWith("RESULT ")) {
                        return read.substring(7);
                    }
                }
                return "ended";
            } catch (IOException e) {
                return "unreadable: " + e.getMessage();
            }
        }).get(limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** An AMI observer noting when the PBX tells each new channel: the start of every lag. */
    private static final class Probe implements AutoCloseable {

        final Map<String, Long> created = new ConcurrentHashMap<>();
        private final Socket socket = new Socket(TestPbx.HOST, TestPbx.PORT);

        Probe() throws IOException {
            socket.getOutputStream().write(("Action: Login\r\nUsername: amicus\r\nSecret: " + TestPbx.SECRET
                    + "\r\nEvents: call\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            Thread.ofPlatform().daemon().name("hub-load-probe").start(() -> read(in));
        }

        private void read(InputStream in) {
            try {
                BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                boolean newChannel = false;
                String uniqueId = null;
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.isEmpty()) {
                        if (newChannel && uniqueId != null) {
                            created.putIfAbsent(uniqueId, SimulatedDesktops.micros());
                        }
                        newChannel = false;
                        uniqueId = null;
                    } else if (line.equals("Event: Newchannel")) {
                        newChannel = true;
                    } else if (line.startsWith("Uniqueid: ")) {
                        uniqueId = line.substring(10);
                    }
                }
            } catch (IOException e) {
                // closed
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}

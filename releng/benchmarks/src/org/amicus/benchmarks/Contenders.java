package org.amicus.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.amicus.benchmarks.ReplayServer.Played;
import org.amicus.benchmarks.ReplayServer.Plan;

/** Starts each contender in a process of its own against the replay server, and reads what it measured. */
final class Contenders {

    static final List<String> ALL = List.of("framing", "amicus", "asterisk-java", "asterisk-manager", "nami");
    /** More options for the contenders' JVMs, e.g. to profile them: {@code -Dbenchmarks.jvm="-XX:..."}. */
    private static final List<String> JVM_OPTIONS = List.of(System.getProperty("benchmarks.jvm", "").split(" "))
            .stream().filter(option -> !option.isBlank()).toList();
    private static final List<String> NODE = List.of("asterisk-manager", "nami");

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
        return run(contender, plan, null);
    }

    /** One pass, with each event's dispatch time written to the file. */
    Run run(String contender, Plan plan, Path stamps) throws IOException, InterruptedException {
        server.plan(plan);
        List<String> command = new ArrayList<>();
        if (NODE.contains(contender)) {
            command.addAll(List.of("node", peers.resolve(contender + ".js").toString()));
        } else {
            command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx2g"));
            command.addAll(JVM_OPTIONS);
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), Contender.class.getName(),
                    contender));
        }
        command.add(String.valueOf(server.port()));
        if (stamps != null) {
            command.addAll(List.of(String.valueOf(plan.events()), stamps.toString()));
        }
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.appendTo(logs.resolve(contender + ".log").toFile())).start();
        Map<String, Long> result = readResult(process);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        Played played = server.awaitPlayed(10);
        double seconds = (result.get("end") - played.firstSent()) / 1e9;
        Run run = new Run(contender, plan.rate(), played.events(), seconds, result.get("delivered"),
                result.get("dropped"), result.get("channels"));
        System.out.printf("  %-16s %s: %,9.0f events/s, %,d of %,d delivered, %,d dropped%n", contender,
                plan.rate() > 0 ? String.format("at %,.0f/s", plan.rate()) : "full speed", run.eventsPerSecond(),
                run.delivered(), run.sent(), run.dropped());
        return run;
    }

    /** Parses the process's line {@code RESULT key=value ...}. */
    private static Map<String, Long> readResult(Process process) throws IOException {
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("RESULT ")) {
                    return Stream.of(line.substring(7).split(" ")).map(pair -> pair.split("="))
                            .collect(Collectors.toMap(pair -> pair[0], pair -> Long.parseLong(pair[1])));
                }
            }
        }
        throw new IOException("the contender ended without a result; see its log");
    }
}

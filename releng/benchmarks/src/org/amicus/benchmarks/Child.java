package org.amicus.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** A measuring process of the harness's own: it reports on lines that start with {@code RESULT }. */
final class Child {

    /** More options for the harness's JVMs, e.g. to profile them: {@code -Dbenchmarks.jvm="-XX:..."}. */
    private static final List<String> JVM_OPTIONS = Stream.of(System.getProperty("benchmarks.jvm", "").split(" "))
            .filter(option -> !option.isBlank()).toList();

    private Child() {
    }

    /** The command that runs a main class of the harness in a JVM of its own, with the harness's class path. */
    static List<String> java(Class<?> main, String... args) {
        return java(List.of(), main, args);
    }

    /** The same, the JVM started with these options too. */
    static List<String> java(List<String> options, Class<?> main, String... args) {
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx2g"));
        command.addAll(options);
        command.addAll(JVM_OPTIONS);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        return command;
    }

    /** Runs the command to its end, within 15 minutes, and returns its result lines, without the prefix. */
    static List<String> results(List<String> command, Path log) throws IOException, InterruptedException {
        return results(command, log, Duration.ofMinutes(15));
    }

    /**
     * Runs the command to its end and returns its result lines, without the prefix. A process that does not end in
     * time, ends in failure or reports nothing fails the run, saying which and where its log is: a contender that
     * does not finish must not pass unnoticed, nor stall the run.
     */
    static List<String> results(List<String> command, Path log, Duration limit)
            throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        AtomicBoolean overtime = new AtomicBoolean();
        Thread watchdog = Thread.ofVirtual().start(() -> {
            try {
                if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                    overtime.set(true);
                    process.destroyForcibly();
                }
            } catch (InterruptedException ended) {
                // the process ended in time
            }
        });
        List<String> results = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("RESULT ")) {
                    results.add(line.substring(7));
                }
            }
        }
        int exit = process.waitFor();
        watchdog.interrupt();
        String what = String.join(" ", command);
        if (overtime.get()) {
            throw new IOException(what + " did not finish within " + limit.toSeconds() + " s; see " + log);
        }
        if (exit != 0 || results.isEmpty()) {
            throw new IOException(what + " ended with exit code " + exit
                    + (results.isEmpty() ? " and without a result" : "") + "; see " + log);
        }
        return results;
    }

    /** A result line of {@code key=number} pairs. */
    static Map<String, Long> numbers(String result) {
        return Stream.of(result.split(" ")).map(pair -> pair.split("="))
                .collect(Collectors.toMap(pair -> pair[0], pair -> Long.parseLong(pair[1])));
    }
}

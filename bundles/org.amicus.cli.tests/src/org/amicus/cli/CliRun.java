package org.amicus.cli;

import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One run of the command line as the product makes it, on a thread of its own, with its output captured and its
 * standard input held open until {@link #closeInput()}.
 */
final class CliRun {

    final CapturedLines out = new CapturedLines();
    final CapturedLines err = new CapturedLines();
    private final PipedOutputStream input = new PipedOutputStream();
    private final CompletableFuture<Integer> exit;

    CliRun(Cli cli, Map<String, String> environment, List<String> args) throws IOException {
        PipedInputStream in = new PipedInputStream(input);
        Terminal terminal = new Terminal(in, out.stream, err.stream, new CompletableFuture<>());
        exit = CompletableFuture.supplyAsync(() -> cli.run(args, environment, terminal));
    }

    /** Writes a line to its standard input, as a person types it. */
    void type(String line) throws IOException {
        input.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        input.flush();
    }

    void closeInput() throws IOException {
        input.close();
    }

    /** The exit code, once the run has ended. */
    int awaitExit(Duration timeout) throws Exception {
        return exit.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public String toString() {
        return "stdout:\n" + out.text() + "stderr:\n" + err.text();
    }
}

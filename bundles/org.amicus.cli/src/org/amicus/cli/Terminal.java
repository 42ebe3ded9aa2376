package org.amicus.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.concurrent.CompletableFuture;

/**
 * Where a run of the command line reads and writes, and what interrupts it.
 *
 * @param in          standard input; {@code channels --watch} ends when it ends
 * @param out         results: text, or JSON lines
 * @param err         messages for a person, one line each
 * @param interrupted completes when the run is to stop (SIGINT or SIGTERM for the application)
 */
public record Terminal(InputStream in, PrintStream out, PrintStream err, CompletableFuture<Void> interrupted) {
}

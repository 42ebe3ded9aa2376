package org.amicus.benchmarks;

import java.nio.file.Path;

/**
 * Runs one contender against the replay server, in a JVM of its own, and prints what it measured on one line:
 * {@code RESULT end=<nanoTime> delivered=<events> dropped=<events> channels=<left in the registry>
 * cpu=<CPU nanoseconds from the first event to the end>}.
 * <p>
 * Usage: {@code Contender framing|asterisk-java|amicus|amicus-window PORT [STAMPS STAMP_FILE]}
 */
public final class Contender {

    private static final long PATIENCE_SECONDS = 600;

    public static void main(String[] args) throws Exception {
        String name = args[0];
        int port = Integer.parseInt(args[1]);
        int stamps = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        Tally tally = new Tally(stamps);
        long dropped = 0;
        long channels = -1;
        switch (name) {
            case "framing" -> FramingReader.run(port, tally);
            case "asterisk-java" -> {
                AsteriskJavaBare.run(port, tally);
                await(tally);
            }
            case "amicus", Contenders.AMICUS_WINDOW -> {
                AmicusPipeline amicus = new AmicusPipeline();
                amicus.connect(port, tally);
                await(tally);
                dropped = amicus.dropped();
                channels = amicus.registry().snapshot().size();
            }
            default -> throw new IllegalArgumentException("no contender " + name);
        }
        if (stamps > 0) {
            tally.writeStamps(Path.of(args[3]));
        }
        System.out.printf("RESULT end=%d delivered=%d dropped=%d channels=%d cpu=%d%n", tally.endedAt(),
                tally.delivered(), dropped, channels, tally.cpu());
        System.exit(0);
    }

    private static void await(Tally tally) throws InterruptedException {
        if (!tally.awaitEnd(PATIENCE_SECONDS)) {
            throw new IllegalStateException("the end of the stream never came");
        }
    }
}

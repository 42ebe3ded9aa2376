package org.amicus.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import org.amicus.cti.ParkedCall;
import org.amicus.cti.ParkedCalls;

/** {@code parked}: the calls waiting in the PBX's parking lots, as the PBX lists them. */
final class ParkedList {

    private static final Duration LISTING_TIMEOUT = Duration.ofSeconds(60);
    static final String HEADING = row(Messages.parkedHeading.split("\\|"));

    private ParkedList() {
    }

    static Exit list(ParkedCalls parkedCalls, Login login, PbxSession pbx, Output output)
            throws ExecutionException, InterruptedException {
        CompletableFuture<List<ParkedCall>> listing = parkedCalls.nextResync();
        pbx.connect(login);
        List<ParkedCall> parked = pbx.await(listing, LISTING_TIMEOUT, Messages.awaitParked);
        if (!output.json()) {
            output.line(HEADING);
        }
        Instant now = Instant.now();
        parked.forEach(call -> output.result(json(call), text(call, now)));
        return Exit.OK;
    }

    static String text(ParkedCall call, Instant now) {
        long seconds = Math.max(0, Duration.between(call.since(), now).toSeconds());
        String caller = (call.caller().number() + " " + call.caller().name()).strip();
        return row(call.space(), caller.isEmpty() ? call.channel() : caller, call.parkedBy(),
                String.format("%d:%02d", seconds / 60, seconds % 60));
    }

    /** Space, caller, parked by, time parked. */
    private static String row(String... cells) {
        return String.format("%-6s %-30s %-20s %s", (Object[]) cells).stripTrailing();
    }

    static Json json(ParkedCall call) {
        return new Json().put("space", call.space()).put("lot", call.lot()).put("channel", call.channel())
                .put("callerNumber", call.caller().number()).put("callerName", call.caller().name())
                .put("parkedBy", call.parkedBy()).put("since", call.since().toString());
    }
}

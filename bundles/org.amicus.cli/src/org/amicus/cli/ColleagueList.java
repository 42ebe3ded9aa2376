package org.amicus.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import org.amicus.cti.Colleague;
import org.amicus.cti.ColleagueRegistry;

/** {@code colleagues}: every phone with a hint on the PBX and what it is doing, as the PBX lists them. */
final class ColleagueList {

    private static final Duration LISTING_TIMEOUT = Duration.ofSeconds(60);
    static final String HEADING = row(Messages.colleaguesHeading.split("\\|"));

    private ColleagueList() {
    }

    static Exit list(ColleagueRegistry registry, Login login, PbxSession pbx, Output output)
            throws ExecutionException, InterruptedException {
        CompletableFuture<List<Colleague>> listing = registry.nextResync();
        pbx.connect(login);
        List<Colleague> colleagues = pbx.await(listing, LISTING_TIMEOUT, Messages.awaitColleagues);
        if (!output.json()) {
            output.line(HEADING);
        }
        Instant now = Instant.now();
        colleagues.forEach(colleague -> output.result(json(colleague), text(colleague, now)));
        return Exit.OK;
    }

    static String text(Colleague colleague, Instant now) {
        long seconds = Math.max(0, Duration.between(colleague.since(), now).toSeconds());
        return row(colleague.extension(), colleague.device(),
                colleague.inUse() ? Messages.bind(Messages.whileInUse, colleague.state().label(Locale.getDefault()))
                        : colleague.state().label(Locale.getDefault()),
                String.format("%d:%02d", seconds / 60, seconds % 60));
    }

    /** Extension, phone, state, time in it. */
    private static String row(String... cells) {
        return String.format("%-10s %-20s %-24s %s", (Object[]) cells).stripTrailing();
    }

    static Json json(Colleague colleague) {
        return new Json().put("extension", colleague.extension()).put("context", colleague.context())
                .put("hint", colleague.hint()).put("device", colleague.device())
                .put("state", colleague.state().name()).put("inUse", colleague.inUse())
                .put("extensionStatus", colleague.extensionStatus()).put("since", colleague.since().toString());
    }
}

package org.amicus.cti.internal;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.amicus.ami.AmiConnection;
import org.amicus.ami.AmiPermissionException;
import org.amicus.cti.CtiException;

/**
 * Whether a number can be dialled in a context, asked before a transfer: a party sent to an extension the PBX does not
 * have is hung up, and would be lost. {@code ShowDialPlan} needs write permission "config" or "reporting"; an AMI user
 * without it transfers unchecked.
 */
final class Destinations {

    private static final Duration LISTING_TIMEOUT = Duration.ofSeconds(10);

    private Destinations() {
    }

    /** Completes when the number is dialable (or cannot be checked); fails with a {@link CtiException} when not. */
    static CompletableFuture<Void> checkDialable(AmiConnection connection, String number, String context) {
        CtiException missing = CtiException.of("noSuchDestination", number, context);
        return connection.sendList(new ShowDialPlanAction(context, number), LISTING_TIMEOUT)
                .handle((entries, failure) -> {
                    if (failure == null) {
                        // a hint alone is no dialplan to run
                        if (entries.stream().noneMatch(e -> e.name().equals("ListDialplan")
                                && !e.get("Priority").orElse("").equals("hint"))) {
                            throw missing;
                        }
                        return null;
                    }
                    Throwable cause = failure instanceof CompletionException wrapped ? wrapped.getCause() : failure;
                    if (cause instanceof AmiPermissionException) {
                        return null;
                    }
                    if (String.valueOf(cause.getMessage()).contains("Did not find")) {
                        throw missing;
                    }
                    throw new CompletionException(cause);
                });
    }
}

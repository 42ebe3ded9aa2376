package org.amicus.ami.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/** Hands futures to callers so that what callers chain on them never runs on one of the connection's own threads. */
final class Futures {

    private Futures() {
    }

    /** The same outcome, completed on the executor, with a failure as itself, not wrapped by the stages before. */
    static <T> CompletableFuture<T> completedOn(Executor executor, CompletableFuture<T> future) {
        CompletableFuture<T> handed = new CompletableFuture<>();
        future.whenComplete((result, failure) -> {
            Runnable complete = () -> {
                if (failure == null) {
                    handed.complete(result);
                } else {
                    handed.completeExceptionally(failure instanceof CompletionException wrapped
                            && wrapped.getCause() != null ? wrapped.getCause() : failure);
                }
            };
            try {
                executor.execute(complete);
            } catch (RejectedExecutionException shutDown) {
                complete.run(); // the service is going away: better here than never
            }
        });
        return handed;
    }
}

package org.amicus.cti.hub.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.amicus.cti.CtiException;
import org.amicus.cti.hub.ActionReplies;
import org.amicus.cti.hub.HubSubjects;
import org.amicus.cti.hub.Identity;
import org.amicus.cti.hub.RecordJson;

import io.nats.client.Connection;
import io.nats.client.support.JsonValue;

/** Operations asked of the hub by request/reply, on this user's own subjects. */
public final class HubRequests {

    /** Long enough for a phone to ring out its originate timeout (at most 5 min) and the PBX to say so. */
    private static final Duration ACTION_TIMEOUT = Duration.ofMinutes(6);
    private static final Duration IDENTITY_TIMEOUT = Duration.ofSeconds(5);

    private final Connection connection;
    private final String user;
    private final Set<CompletableFuture<JsonValue>> pending = ConcurrentHashMap.newKeySet();

    public HubRequests(Connection connection, String user) {
        this.connection = connection;
        this.user = user;
    }

    /**
     * Asks the hub; completes with the result as that type ({@link Void} for none), or exceptionally with a
     * {@link CtiException} saying why not.
     */
    public <T> CompletableFuture<T> ask(String operation, Map<String, JsonValue> arguments, Class<T> result) {
        return ask(operation, arguments).thenApply(json -> {
            try {
                return result == Void.class ? null : RecordJson.as(json, result);
            } catch (IllegalArgumentException e) {
                throw CtiException.of("hubAnswerUnreadable", operation, e.getMessage());
            }
        });
    }

    /** Asks the hub; completes with the result as JSON, or exceptionally with a {@link CtiException} saying why not. */
    public CompletableFuture<JsonValue> ask(String operation, Map<String, JsonValue> arguments) {
        byte[] body = new JsonValue(arguments).toJson().getBytes(StandardCharsets.UTF_8);
        CompletableFuture<JsonValue> answer = connection.requestWithTimeout(HubSubjects.action(user, operation), body,
                ACTION_TIMEOUT).handle((reply, failure) -> {
                    if (failure != null) {
                        throw CtiException.of("hubNoAnswer", reason(failure));
                    }
                    if (reply.isStatusMessage()) {    // 503: nobody listens on the subject
                        throw CtiException.of("hubUnavailable");
                    }
                    return ActionReplies.result(reply.getData());
                });
        pending.add(answer);
        answer.whenComplete((result, failure) -> pending.remove(answer));
        return answer;
    }

    /** Ends every request still waiting: the hub that took them is gone, and its answers will not come. */
    public void hubLost() {
        pending.forEach(answer -> answer.completeExceptionally(CtiException.of("hubLostBeforeAnswer")));
    }

    public Identity identity() throws IOException, InterruptedException {
        try {
            return Identity.of(ask(Identity.OPERATION, Map.of()).get(IDENTITY_TIMEOUT.toMillis(),
                    TimeUnit.MILLISECONDS));
        } catch (ExecutionException e) {
            throw new IOException(e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IOException("the hub did not say who " + user + " is within " + IDENTITY_TIMEOUT.toSeconds()
                    + " s");
        }
    }

    private static String reason(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
                : failure;
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}

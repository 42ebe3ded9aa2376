package org.amicus.cti.hub.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;

import org.amicus.cti.CallQueue;
import org.amicus.cti.CtiException;
import org.amicus.cti.PauseReasons;
import org.amicus.cti.QueueActions;
import org.amicus.cti.QueueMember;
import org.amicus.cti.hub.RecordJson;

import io.nats.client.support.JsonValue;

/**
 * {@link QueueActions} asked of the hub, which acts on the user's own phone (or, for a supervisor, on an agent of
 * its teams) and answers with the members as the PBX then reported them. The queues themselves are not served
 * through the hub: {@link #myQueues()} is empty.
 */
public final class NatsQueueActions implements QueueActions {

    private final BiFunction<String, Map<String, JsonValue>, CompletableFuture<JsonValue>> hub;
    private final PauseReasons reasons;
    private final String member;

    /**
     * @param hub     asks the hub an operation with arguments, e.g. {@code HubDesktop::ask}
     * @param reasons the pause reasons offered here
     * @param member  the member acted on, {@code null} for the user's own phone
     */
    public NatsQueueActions(BiFunction<String, Map<String, JsonValue>, CompletableFuture<JsonValue>> hub,
            PauseReasons reasons, String member) {
        this.hub = hub;
        this.reasons = reasons;
        this.member = member;
    }

    @Override
    public List<CallQueue> myQueues() {
        return List.of();
    }

    @Override
    public CompletableFuture<List<QueueMember>> logIn(String queue) {
        return ask("queueLogIn", queue, null);
    }

    @Override
    public CompletableFuture<List<QueueMember>> logInAll() {
        return ask("queueLogIn", null, null);
    }

    @Override
    public CompletableFuture<List<QueueMember>> logOut(String queue) {
        return ask("queueLogOut", queue, null);
    }

    @Override
    public CompletableFuture<List<QueueMember>> logOutAll() {
        return ask("queueLogOut", null, null);
    }

    @Override
    public CompletableFuture<List<QueueMember>> pause(String queue, String reason) {
        return ask("queuePause", queue, reason);
    }

    @Override
    public CompletableFuture<List<QueueMember>> pauseAll(String reason) {
        return ask("queuePause", null, reason);
    }

    @Override
    public CompletableFuture<List<QueueMember>> unpause(String queue) {
        return ask("queueUnpause", queue, null);
    }

    @Override
    public CompletableFuture<List<QueueMember>> unpauseAll() {
        return ask("queueUnpause", null, null);
    }

    @Override
    public PauseReasons pauseReasons() {
        return reasons;
    }

    @Override
    public QueueActions forMember(String device) {
        return new NatsQueueActions(hub, reasons, device);
    }

    /** @param queue {@code null} for every queue; @param reason {@code null} for an operation that takes none */
    private CompletableFuture<List<QueueMember>> ask(String operation, String queue, String reason) {
        Map<String, JsonValue> arguments = new HashMap<>();
        if (queue != null) {
            arguments.put("queue", new JsonValue(queue));
        }
        if (reason != null) {
            arguments.put("reason", new JsonValue(reason));
        }
        if (member != null) {
            arguments.put("member", new JsonValue(member));
        }
        return hub.apply(operation, arguments).thenApply(json -> {
            try {
                return json.array.stream().map(element -> RecordJson.as(element, QueueMember.class)).toList();
            } catch (IllegalArgumentException | NullPointerException e) {
                throw CtiException.of("hubAnswerUnreadable", operation, String.valueOf(e.getMessage()));
            }
        });
    }
}

package org.amicus.hub;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.amicus.ami.AmiException;
import org.amicus.cti.CtiException;
import org.amicus.cti.hub.ActionReplies;
import org.amicus.cti.hub.HubSubjects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import io.nats.client.support.JsonParseException;
import io.nats.client.support.JsonParser;
import io.nats.client.support.JsonValue;

/**
 * Answers desktops' requests on {@code amicus.act.<user>.<operation>}: the asker is the subject's user, whom the
 * broker alone lets publish there; the body holds only the operation's arguments. Every request gets one reply: the
 * true outcome, or why not.
 */
final class ActionServer implements AutoCloseable {

    /** Hubs of one cluster share the requests: each is answered by one of them. */
    static final String QUEUE = "amicus-hub";
    private static final Logger LOG = LoggerFactory.getLogger(ActionServer.class);

    private final Connection connection;
    private final Roster roster;
    private final Operations operations;
    private Dispatcher dispatcher;

    ActionServer(Connection connection, Roster roster, Operations operations) {
        this.connection = connection;
        this.roster = roster;
        this.operations = operations;
    }

    void start() {
        dispatcher = connection.createDispatcher(this::answer);
        dispatcher.subscribe(HubSubjects.allActions(), QUEUE);
    }

    private void answer(Message request) {
        if (request.getReplyTo() == null) {
            return; // nobody to tell: a request must ask for a reply
        }
        handle(request).whenComplete((result, failure) -> connection.publish(request.getReplyTo(),
                failure == null ? ActionReplies.success(result) : refusal(request, failure)));
    }

    private CompletableFuture<JsonValue> handle(Message request) {
        try {
            String[] userAndOperation = HubSubjects.userAndOperation(request.getSubject());
            Member asker = roster.member(userAndOperation[0])
                    .orElseThrow(() -> CtiException.of("notInRoster"));
            Operation operation = operations.named(userAndOperation[1])
                    .orElseThrow(() -> CtiException.of("noSuchOperation", userAndOperation[1]));
            JsonValue arguments = request.getData() == null || request.getData().length == 0 ? JsonValue.EMPTY_MAP
                    : JsonParser.parse(request.getData());
            return operation.run(asker, arguments);
        } catch (JsonParseException e) {
            return CompletableFuture.failedFuture(CtiException.of("requestNotJson", e.getMessage()));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** What the asker is told: the refusal's or the PBX's words; an unexpected failure is logged, not shown. */
    private static byte[] refusal(Message request, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
                : failure;
        if (cause instanceof CtiException || cause instanceof AmiException) {
            LOG.info("Refused {}: {}", request.getSubject(), cause.getMessage());
            return cause instanceof CtiException refused ? ActionReplies.refusal(refused)
                    : ActionReplies.refusal(cause.getMessage());
        }
        LOG.error("Request {} failed", request.getSubject(), cause);
        return ActionReplies.refusal(CtiException.of("hubFailed", cause.getClass().getSimpleName()));
    }

    @Override
    public void close() {
        if (dispatcher != null) {
            connection.closeDispatcher(dispatcher);
        }
    }
}

package org.amicus.hub;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import org.amicus.cti.QueueChange;
import org.amicus.cti.QueueChange.Kind;
import org.amicus.cti.QueueListener;
import org.amicus.cti.QueueRegistry;
import org.amicus.cti.hub.HubSubjects;
import org.amicus.cti.hub.RecordJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.nats.client.Connection;

/**
 * Tells every desktop the calls answered, completed and abandoned in the queues, as the PBX tells them: events, which
 * the queues' bucket (state) cannot carry. They are published in order on a thread of their own: the listener runs on
 * the PBX's dispatch thread, which a NATS client waiting for room in its outgoing buffer must not hold up.
 */
final class QueueEventPublisher implements QueueListener, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(QueueEventPublisher.class);
    private static final Set<Kind> EVENTS = Set.of(Kind.CALL_ANSWERED, Kind.CALL_COMPLETED, Kind.CALLER_ABANDONED);

    private final QueueRegistry queues;
    private final Connection nats;
    private final ExecutorService publishing = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("amicus-hub-queue-events").daemon().factory());

    QueueEventPublisher(QueueRegistry queues, Connection nats) {
        this.queues = queues;
        this.nats = nats;
    }

    static QueueEventPublisher start(QueueRegistry queues, Connection nats) {
        QueueEventPublisher publisher = new QueueEventPublisher(queues, nats);
        queues.addListener(publisher);
        return publisher;
    }

    @Override
    public void queuesChanged(List<QueueChange> changes) {
        try {
            changes.stream().filter(change -> EVENTS.contains(change.kind())).forEach(event -> publishing.execute(
                    () -> publish(event)));
        } catch (RejectedExecutionException closing) {
            // heard while the hub closes: no desktop is served any more
        }
    }

    private void publish(QueueChange event) {
        try {
            nats.publish(HubSubjects.QUEUE_EVENTS, RecordJson.of(event).toJson().getBytes(StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            LOG.warn("Could not tell desktops of {} in queue {}: {}", event.kind(), event.queue(), e.toString());
        }
    }

    /** Stops listening; what was heard is still published, for a few seconds at most. */
    @Override
    public void close() throws InterruptedException {
        queues.removeListener(this);
        publishing.shutdown();
        publishing.awaitTermination(5, TimeUnit.SECONDS);
    }
}

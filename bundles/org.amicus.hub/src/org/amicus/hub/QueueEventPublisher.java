package org.amicus.hub;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import org.amicus.cti.QueueChange;
import org.amicus.cti.QueueChange.Kind;
import org.amicus.cti.QueueListener;
import org.amicus.cti.QueueRegistry;
import org.amicus.cti.hub.HubSubjects;
import org.amicus.cti.hub.RecordJson;

import io.nats.client.Connection;

/**
 * Tells every desktop the calls answered, completed and abandoned in the queues, as the PBX tells them: events, which
 * the queues' bucket (state) cannot carry.
 */
final class QueueEventPublisher implements QueueListener, AutoCloseable {

    private static final Set<Kind> EVENTS = Set.of(Kind.CALL_ANSWERED, Kind.CALL_COMPLETED, Kind.CALLER_ABANDONED);

    private final QueueRegistry queues;
    private final Connection nats;

    private QueueEventPublisher(QueueRegistry queues, Connection nats) {
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
        changes.stream().filter(change -> EVENTS.contains(change.kind())).forEach(event -> nats.publish(
                HubSubjects.QUEUE_EVENTS, RecordJson.of(event).toJson().getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public void close() {
        queues.removeListener(this);
    }
}

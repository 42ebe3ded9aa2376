package org.amicus.cti.hub.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;

import org.amicus.cti.CallQueue;
import org.amicus.cti.QueueCaller;
import org.amicus.cti.QueueChange;
import org.amicus.cti.QueueChange.Kind;
import org.amicus.cti.QueueListener;
import org.amicus.cti.QueueMember;
import org.amicus.cti.QueueRegistry;
import org.amicus.cti.QueueSnapshot;
import org.amicus.cti.hub.HubSubjects;
import org.amicus.cti.hub.RecordJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.nats.client.Connection;
import io.nats.client.support.JsonParseException;
import io.nats.client.support.JsonParser;

/**
 * The queues as the hub publishes them, one entry per queue. The changes are told as the entries differ: members
 * added, changed or removed, callers joined or left; a change of the day's figures alone, and each reload, as
 * {@link Kind#RESYNCED}. The calls answered, completed or abandoned are events, not state: the hub tells them on a
 * subject of their own ({@link HubSubjects#QUEUE_EVENTS}), and they are told as it tells them; one told while this
 * desktop was not connected is not told again.
 */
public final class KvQueueRegistry implements QueueRegistry {

    private static final QueueChange RESYNCED = new QueueChange(Kind.RESYNCED, "", null, null);
    private static final Logger LOG = LoggerFactory.getLogger(KvQueueRegistry.class);

    private final Listeners<QueueListener> listeners = new Listeners<>();
    private final KvBoard<CallQueue> board;
    private volatile QueueSnapshot snapshot = QueueSnapshot.EMPTY;

    KvQueueRegistry(ScheduledExecutorService retries) {
        board = new KvBoard<>(HubSubjects.QUEUES_BUCKET, CallQueue.class, retries, this::changed,
                () -> tell(List.of(RESYNCED)));
    }

    KvBoard<?> board() {
        return board;
    }

    /** Hears the hub's queue events on this connection until it is closed; the client subscribes again on reconnect. */
    void hear(Connection connection) {
        connection.createDispatcher(message -> heard(message.getData())).subscribe(HubSubjects.QUEUE_EVENTS);
    }

    private void heard(byte[] event) {
        try {
            QueueChange change = RecordJson.as(JsonParser.parse(event), QueueChange.class);
            board.inTurn(() -> tell(List.of(change)));
        } catch (JsonParseException | IllegalArgumentException e) {
            LOG.warn("Ignoring a queue event of the hub that cannot be read: {}", e.getMessage());
        }
    }

    @Override
    public QueueSnapshot snapshot() {
        return snapshot;
    }

    @Override
    public Optional<String> resyncProblem() {
        return board.problem();
    }

    @Override
    public CompletableFuture<QueueSnapshot> nextResync() {
        return board.nextLoad().thenApply(loaded -> snapshot);
    }

    @Override
    public void addListener(QueueListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(QueueListener listener) {
        listeners.remove(listener);
    }

    private void changed(List<KvBoard.Change<CallQueue>> changes) {
        List<QueueChange> told = new ArrayList<>();
        changes.forEach(change -> told.addAll(differences(change.before(), change.after())));
        tell(told.isEmpty() ? List.of(RESYNCED) : told);
    }

    private void tell(List<QueueChange> changes) {
        snapshot = new QueueSnapshot(board.entries().stream().sorted(Comparator.comparing(CallQueue::name)).toList());
        listeners.tell(listener -> listener.queuesChanged(changes));
    }

    /** What differs between a queue before and after, as the PBX's events would have told it. */
    static List<QueueChange> differences(CallQueue before, CallQueue after) {
        String name = after != null ? after.name() : before.name();
        List<QueueMember> wereMembers = before == null ? List.of() : before.members();
        List<QueueMember> members = after == null ? List.of() : after.members();
        List<QueueChange> changes = new ArrayList<>();
        for (QueueMember member : members) {
            Optional<QueueMember> was = wereMembers.stream().filter(m -> m.device().equals(member.device()))
                    .findFirst();
            boolean wasIn = was.filter(QueueMember::loggedIn).isPresent();
            if (!wasIn && member.loggedIn()) {
                changes.add(new QueueChange(Kind.MEMBER_ADDED, name, member, null));
            } else if (wasIn && !member.loggedIn()) {
                changes.add(new QueueChange(Kind.MEMBER_REMOVED, name, member, null));
            } else if (was.isPresent() && !was.get().equals(member)) {
                changes.add(new QueueChange(Kind.MEMBER_CHANGED, name, member, null));
            }
        }
        wereMembers.stream().filter(QueueMember::loggedIn)
                .filter(was -> members.stream().noneMatch(m -> m.device().equals(was.device())))
                .forEach(gone -> changes.add(new QueueChange(Kind.MEMBER_REMOVED, name, gone.loggedOut(), null)));
        List<QueueCaller> wereWaiting = before == null ? List.of() : before.callers();
        List<QueueCaller> waiting = after == null ? List.of() : after.callers();
        waiting.stream().filter(caller -> wereWaiting.stream().noneMatch(c -> c.uniqueId().equals(caller.uniqueId())))
                .forEach(joined -> changes.add(new QueueChange(Kind.CALLER_JOINED, name, null, joined)));
        wereWaiting.stream().filter(caller -> waiting.stream().noneMatch(c -> c.uniqueId().equals(caller.uniqueId())))
                .forEach(left -> changes.add(new QueueChange(Kind.CALLER_LEFT, name, null, left)));
        return changes;
    }
}

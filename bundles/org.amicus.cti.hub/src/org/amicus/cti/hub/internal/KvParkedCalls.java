package org.amicus.cti.hub.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;

import org.amicus.cti.ParkedCall;
import org.amicus.cti.ParkedCallListener;
import org.amicus.cti.ParkedCalls;
import org.amicus.cti.hub.HubSubjects;

/** The parked calls as the hub publishes them, one entry per space. */
public final class KvParkedCalls implements ParkedCalls {

    private final Listeners<ParkedCallListener> listeners = new Listeners<>();
    private final KvBoard<ParkedCall> board;
    private volatile List<ParkedCall> parked = List.of();

    KvParkedCalls(ScheduledExecutorService retries) {
        board = new KvBoard<>(HubSubjects.PARKED_BUCKET, ParkedCall.class, retries, changes -> changed(), () -> { });
    }

    KvBoard<?> board() {
        return board;
    }

    @Override
    public List<ParkedCall> parked() {
        return parked;
    }

    @Override
    public Optional<ParkedCall> inSpace(String space) {
        return parked.stream().filter(call -> call.space().equals(space)).findFirst();
    }

    @Override
    public CompletableFuture<List<ParkedCall>> nextResync() {
        return board.nextLoad().thenApply(loaded -> parked);
    }

    @Override
    public void addListener(ParkedCallListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(ParkedCallListener listener) {
        listeners.remove(listener);
    }

    private void changed() {
        List<ParkedCall> now = board.entries().stream()
                .sorted(Comparator.comparing(ParkedCall::lot).thenComparing(ParkedCall::space)).toList();
        parked = now;
        listeners.tell(listener -> listener.parkedCallsChanged(now));
    }
}

package org.amicus.cti.hub.internal;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.amicus.cti.ColleagueRegistry;
import org.amicus.cti.ParkedCalls;
import org.amicus.cti.QueueRegistry;

import io.nats.client.Connection;

/**
 * The boards every user reads through the hub, as the registries the direct mode offers: the queues, the colleagues'
 * phones, the parked calls. Each watches its bucket on its own and tries again every second while it cannot; the
 * queues also hear the calls answered, completed and abandoned, which the hub tells as events.
 */
public final class HubBoards {

    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("amicus-hub-boards-rewatch").daemon().factory());
    private final KvQueueRegistry queues = new KvQueueRegistry(retries);
    private final KvColleagueRegistry colleagues = new KvColleagueRegistry(retries);
    private final KvParkedCalls parked = new KvParkedCalls(retries);

    public QueueRegistry queues() {
        return queues;
    }

    public ColleagueRegistry colleagues() {
        return colleagues;
    }

    public ParkedCalls parked() {
        return parked;
    }

    /** Completes once every board has next been read whole; exceptionally if one cannot be watched. */
    public CompletableFuture<Void> nextLoad() {
        return CompletableFuture.allOf(queues.nextResync(), colleagues.nextResync(), parked.nextResync());
    }

    public void watch(Connection connection) {
        boards().forEach(board -> board.watch(connection));
        queues.hear(connection);
    }

    /** Reads every board again, as after a reconnect. */
    public void rewatch() {
        boards().forEach(KvBoard::rewatch);
    }

    /** Stops watching, until the next {@link #watch}. */
    public void stop() {
        boards().forEach(KvBoard::stop);
    }

    private List<KvBoard<?>> boards() {
        return List.of(queues.board(), colleagues.board(), parked.board());
    }

    public void close() {
        stop();
        retries.shutdownNow();
    }
}

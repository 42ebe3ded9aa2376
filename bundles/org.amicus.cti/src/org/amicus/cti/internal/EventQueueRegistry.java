package org.amicus.cti.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.amicus.ami.AmiConnection;
import org.amicus.ami.AmiEvent;
import org.amicus.ami.AmiEventListener;
import org.amicus.cti.QueueChange;
import org.amicus.cti.QueueListener;
import org.amicus.cti.QueueRegistry;
import org.amicus.cti.QueueSnapshot;
import org.asteriskjava.manager.action.QueueStatusAction;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link QueueRegistry} fed by the AMI connection's events (it is an {@link AmiEventListener} service). Events and
 * resync requests come on the connection's dispatch thread; snapshots are read from any thread.
 */
@Component(service = { QueueRegistry.class, AmiEventListener.class })
public class EventQueueRegistry implements QueueRegistry, AmiEventListener {

    private static final Logger LOG = LoggerFactory.getLogger(EventQueueRegistry.class);
    private static final Duration LISTING_TIMEOUT = Duration.ofSeconds(60);

    private final QueueBoard board = new QueueBoard();
    private final List<QueueListener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicInteger listings = new AtomicInteger();
    /** The local clock: the day's figures start at local midnight. */
    private final Clock clock = Clock.systemDefaultZone();
    private volatile QueueSnapshot snapshot = QueueSnapshot.EMPTY;
    private volatile String resyncProblem;
    /** Guarded by board. */
    private final ResyncWaiters<QueueSnapshot> waiters = new ResyncWaiters<>();

    @Reference
    private AmiConnection connection;

    @Override
    public QueueSnapshot snapshot() {
        synchronized (board) {
            if (board.rollOver(LocalDate.now(clock)) || snapshot == null) {
                snapshot = board.snapshot();
            }
            return snapshot;
        }
    }

    @Override
    public Optional<String> resyncProblem() {
        return Optional.ofNullable(resyncProblem);
    }

    @Override
    public CompletableFuture<QueueSnapshot> nextResync() {
        synchronized (board) {
            return waiters.next();
        }
    }

    @Override
    public void onEvent(AmiEvent event) {
        List<QueueChange> changes;
        List<CompletableFuture<QueueSnapshot>> resynced = List.of();
        synchronized (board) {
            boolean listing = board.listingUnderWay();
            board.rollOver(LocalDate.now(clock));
            changes = board.apply(event, clock.instant());
            if (listing && !board.listingUnderWay()) {
                resynced = waiters.takeListed();
            }
            if (!changes.isEmpty()) {
                snapshot = null;
            }
        }
        if (!changes.isEmpty()) {
            listeners.forEach(listener -> {
                try {
                    listener.queuesChanged(changes);
                } catch (RuntimeException | LinkageError e) {
                    LOG.error("Queue listener {} failed", listener, e);
                }
            });
        }
        if (!resynced.isEmpty()) {
            QueueSnapshot now = snapshot();
            resynced.forEach(waiting -> waiting.complete(now));
        }
    }

    /** Asks the PBX for its queues; the listing arrives as events, in order with all others. */
    @Override
    public void resync() {
        String actionId = "amicus-queues-" + listings.incrementAndGet();
        synchronized (board) {
            board.expectListing(actionId);
            waiters.listingSent();
        }
        QueueStatusAction listing = new QueueStatusAction();
        listing.setActionId(actionId);
        connection.sendList(listing, LISTING_TIMEOUT).whenComplete((events, failure) -> {
            if (failure == null) {
                resyncProblem = null;
                return;
            }
            Throwable cause = failure instanceof CompletionException wrapped ? wrapped.getCause() : failure;
            resyncProblem = "Cannot check the queues against the PBX, following its events alone: "
                    + cause.getMessage();
            LOG.warn(resyncProblem);
            List<CompletableFuture<QueueSnapshot>> abandoned = List.of();
            synchronized (board) {
                if (board.abandonListing(actionId)) {
                    abandoned = waiters.takeListed();
                }
            }
            abandoned.forEach(waiting -> waiting.completeExceptionally(cause));
        });
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    @Override
    public void addListener(QueueListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(QueueListener listener) {
        listeners.remove(listener);
    }
}

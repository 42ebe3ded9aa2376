package org.amicus.cti.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

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
    /** The local clock: the day's figures start at local midnight. */
    private final Clock clock = Clock.systemDefaultZone();
    private volatile QueueSnapshot snapshot = QueueSnapshot.EMPTY;
    private final Listing<QueueSnapshot> listing = new Listing<>("queues", board, LISTING_TIMEOUT, Runnable::run);

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
        return listing.problem();
    }

    @Override
    public Optional<String> resyncProblem(Locale locale) {
        return listing.problem(locale);
    }

    @Override
    public CompletableFuture<QueueSnapshot> nextResync() {
        synchronized (board) {
            return listing.next();
        }
    }

    @Override
    public void onEvent(AmiEvent event) {
        List<QueueChange> changes;
        List<CompletableFuture<QueueSnapshot>> resynced = List.of();
        synchronized (board) {
            boolean listed = board.listingUnderWay();
            board.rollOver(LocalDate.now(clock));
            changes = board.apply(event, clock.instant());
            if (listed && !board.listingUnderWay()) {
                resynced = listing.takeListed();
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
        listing.send(connection, new QueueStatusAction());
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

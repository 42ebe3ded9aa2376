package org.amicus.cti.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.amicus.ami.AmiConnection;
import org.amicus.ami.AmiEvent;
import org.amicus.ami.AmiEventListener;
import org.amicus.cti.ParkedCall;
import org.amicus.cti.ParkedCallListener;
import org.amicus.cti.ParkedCalls;
import org.asteriskjava.manager.action.ParkedCallsAction;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ParkedCalls} fed by the AMI connection's events. The board changes on the dispatch thread, quickly; listeners
 * and those waiting for a resync are told on a thread of the service's own.
 */
@Component(service = { ParkedCalls.class, AmiEventListener.class })
public class EventParkedCalls implements ParkedCalls, AmiEventListener {

    private static final Logger LOG = LoggerFactory.getLogger(EventParkedCalls.class);
    private static final Duration LISTING_TIMEOUT = Duration.ofSeconds(30);

    private final ParkingBoard board = new ParkingBoard();
    private final List<ParkedCallListener> listeners = new CopyOnWriteArrayList<>();
    private final Clock clock = Clock.systemUTC();
    private final ExecutorService notices = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("amicus-parked-calls").daemon().factory());
    private final Listing<List<ParkedCall>> listing = new Listing<>("parked calls", board, LISTING_TIMEOUT, notices);

    @Reference
    private AmiConnection connection;

    @Override
    public List<ParkedCall> parked() {
        synchronized (board) {
            return board.parked();
        }
    }

    @Override
    public Optional<ParkedCall> inSpace(String space) {
        return parked().stream().filter(call -> call.space().equals(space)).findFirst();
    }

    @Override
    public CompletableFuture<List<ParkedCall>> nextResync() {
        synchronized (board) {
            return listing.next();
        }
    }

    @Override
    public void onEvent(AmiEvent event) {
        boolean changed;
        List<ParkedCall> now;
        List<CompletableFuture<List<ParkedCall>>> resynced = List.of();
        synchronized (board) {
            boolean listingUnderWay = board.listingUnderWay();
            changed = board.apply(event, clock.instant());
            boolean listed = listingUnderWay && !board.listingUnderWay();
            if (!changed && !listed) {
                return;
            }
            now = board.parked();
            if (listed) {
                resynced = listing.takeListed();
            }
        }
        List<CompletableFuture<List<ParkedCall>>> waiting = resynced;
        notices.execute(() -> {
            if (changed) {
                tell(now);
            }
            waiting.forEach(future -> future.complete(now));
        });
    }

    private void tell(List<ParkedCall> now) {
        for (ParkedCallListener listener : listeners) {
            try {
                listener.parkedCallsChanged(now);
            } catch (RuntimeException | LinkageError e) {
                LOG.error("Parked call listener {} failed", listener, e);
            }
        }
    }

    /** Asks the PBX for its parked calls; the listing arrives as events, in order with all others. */
    @Override
    public void resync() {
        listing.send(connection, new ParkedCallsAction());
    }

    @Deactivate
    void deactivate() {
        notices.shutdownNow();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    @Override
    public void addListener(ParkedCallListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(ParkedCallListener listener) {
        listeners.remove(listener);
    }
}

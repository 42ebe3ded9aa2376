package org.amicus.cti.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.amicus.ami.AmiConnection;
import org.amicus.ami.AmiEvent;
import org.amicus.ami.AmiEventListener;
import org.amicus.cti.ChannelChange;
import org.amicus.cti.ChannelListener;
import org.amicus.cti.ChannelRegistry;
import org.amicus.cti.ChannelSnapshot;
import org.asteriskjava.manager.action.CoreShowChannelsAction;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ChannelRegistry} fed by the AMI connection's events (it is an {@link AmiEventListener} service, so the
 * connection finds it by itself). Events and resync requests come on the connection's dispatch thread; snapshots
 * are read from any thread.
 */
@Component(service = { ChannelRegistry.class, AmiEventListener.class })
public class EventChannelRegistry implements ChannelRegistry, AmiEventListener {

    private static final Logger LOG = LoggerFactory.getLogger(EventChannelRegistry.class);
    private static final Duration LISTING_TIMEOUT = Duration.ofSeconds(60);

    private final ChannelTable table = new ChannelTable();
    private final List<ChannelListener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicInteger listings = new AtomicInteger();
    private final Clock clock = Clock.systemUTC();
    /** Made on demand, once per change: readers are few, events are many. */
    private volatile ChannelSnapshot snapshot = ChannelSnapshot.EMPTY;
    private volatile String resyncProblem;
    /** Guarded by table. */
    private final ResyncWaiters<ChannelSnapshot> waiters = new ResyncWaiters<>();

    @Reference
    private AmiConnection connection;

    @Override
    public ChannelSnapshot snapshot() {
        ChannelSnapshot current = snapshot;
        if (current == null) {
            synchronized (table) {
                current = table.snapshot();
                snapshot = current;
            }
        }
        return current;
    }

    @Override
    public Optional<String> resyncProblem() {
        return Optional.ofNullable(resyncProblem);
    }

    @Override
    public CompletableFuture<ChannelSnapshot> nextResync() {
        synchronized (table) {
            return waiters.next();
        }
    }

    @Override
    public void onEvent(AmiEvent event) {
        List<ChannelChange> changes;
        List<CompletableFuture<ChannelSnapshot>> resynced = List.of();
        synchronized (table) {
            boolean listing = table.listingUnderWay();
            changes = table.apply(event, clock.instant());
            if (listing && !table.listingUnderWay()) {
                resynced = waiters.takeListed();
            }
            if (!changes.isEmpty()) {
                snapshot = null;
            }
        }
        if (!changes.isEmpty()) {
            listeners.forEach(listener -> {
                try {
                    listener.channelsChanged(changes);
                } catch (RuntimeException | LinkageError e) {
                    LOG.error("Channel listener {} failed", listener, e);
                }
            });
        }
        if (!resynced.isEmpty()) { // a snapshot costs a copy of every channel: only for those who wait for one
            ChannelSnapshot now = snapshot();
            resynced.forEach(waiting -> waiting.complete(now));
        }
    }

    /** Asks the PBX for its channels; the listing arrives as events, in order with all others. */
    @Override
    public void resync() {
        String actionId = "amicus-channels-" + listings.incrementAndGet();
        synchronized (table) {
            table.expectListing(actionId);
            waiters.listingSent();
        }
        CoreShowChannelsAction listing = new CoreShowChannelsAction();
        listing.setActionId(actionId);
        connection.sendList(listing, LISTING_TIMEOUT).whenComplete((events, failure) -> {
            if (failure == null) {
                resyncProblem = null;
                return;
            }
            Throwable cause = failure instanceof CompletionException wrapped ? wrapped.getCause() : failure;
            resyncProblem = "Cannot check the channels against the PBX, following its events alone: "
                    + cause.getMessage();
            LOG.warn(resyncProblem);
            List<CompletableFuture<ChannelSnapshot>> abandoned = List.of();
            synchronized (table) {
                if (table.abandonListing(actionId)) {
                    abandoned = waiters.takeListed();
                }
            }
            abandoned.forEach(waiting -> waiting.completeExceptionally(cause));
        });
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    @Override
    public void addListener(ChannelListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(ChannelListener listener) {
        listeners.remove(listener);
    }
}

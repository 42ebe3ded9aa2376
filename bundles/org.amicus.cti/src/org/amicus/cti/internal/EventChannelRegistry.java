package org.amicus.cti.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

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
    private final Clock clock = Clock.systemUTC();
    /** Made on demand, once per change: readers are few, events are many. */
    private volatile ChannelSnapshot snapshot = ChannelSnapshot.EMPTY;
    private final Listing<ChannelSnapshot> listing = new Listing<>("channels", table, LISTING_TIMEOUT, Runnable::run);

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
        return listing.problem();
    }

    @Override
    public Optional<String> resyncProblem(Locale locale) {
        return listing.problem(locale);
    }

    @Override
    public CompletableFuture<ChannelSnapshot> nextResync() {
        synchronized (table) {
            return listing.next();
        }
    }

    @Override
    public void onEvent(AmiEvent event) {
        List<ChannelChange> changes;
        List<CompletableFuture<ChannelSnapshot>> resynced = List.of();
        synchronized (table) {
            boolean listed = table.listingUnderWay();
            changes = table.apply(event, clock.instant());
            if (listed && !table.listingUnderWay()) {
                resynced = listing.takeListed();
            }
            if (!changes.isEmpty()) {
                snapshot = null;
            }
        }
        if (!changes.isEmpty()) {
            for (ChannelListener listener : listeners) { // a loop, not forEach: no lambda made for every event
                try {
                    listener.channelsChanged(changes);
                } catch (RuntimeException | LinkageError e) {
                    LOG.error("Channel listener {} failed", listener, e);
                }
            }
        }
        if (!resynced.isEmpty()) { // a snapshot costs a copy of every channel: only for those who wait for one
            ChannelSnapshot now = snapshot();
            resynced.forEach(waiting -> waiting.complete(now));
        }
    }

    /** Asks the PBX for its channels; the listing arrives as events, in order with all others. */
    @Override
    public void resync() {
        listing.send(connection, new CoreShowChannelsAction());
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

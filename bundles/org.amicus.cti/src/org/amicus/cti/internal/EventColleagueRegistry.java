package org.amicus.cti.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.amicus.ami.AmiConnection;
import org.amicus.ami.AmiEvent;
import org.amicus.ami.AmiEventListener;
import org.amicus.cti.Colleague;
import org.amicus.cti.ColleagueChange;
import org.amicus.cti.ColleagueListener;
import org.amicus.cti.ColleagueRegistry;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ColleagueRegistry} fed by the AMI connection's events. The table changes on the dispatch thread, quickly;
 * listeners and those waiting for a resync are told on a thread of the registry's own, so that a slow listener
 * delays only other colleague listeners, never the connection.
 */
@Component(service = { ColleagueRegistry.class, AmiEventListener.class })
public class EventColleagueRegistry implements ColleagueRegistry, AmiEventListener {

    private static final Logger LOG = LoggerFactory.getLogger(EventColleagueRegistry.class);
    private static final Duration LISTING_TIMEOUT = Duration.ofSeconds(30);

    private final ColleagueTable table = new ColleagueTable();
    private final List<ColleagueListener> listeners = new CopyOnWriteArrayList<>();
    private final Clock clock = Clock.systemUTC();
    private final ExecutorService notices = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("amicus-colleagues").daemon().factory());
    private final Listing<List<Colleague>> listing = new Listing<>("hints", table, LISTING_TIMEOUT, notices);

    @Reference
    private AmiConnection connection;

    @Override
    public List<Colleague> colleagues() {
        synchronized (table) {
            return table.colleagues();
        }
    }

    @Override
    public Optional<Colleague> colleague(String extension) {
        synchronized (table) {
            return table.colleague(extension);
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
    public CompletableFuture<List<Colleague>> nextResync() {
        synchronized (table) {
            return listing.next();
        }
    }

    @Override
    public void onEvent(AmiEvent event) {
        List<ColleagueChange> changes;
        List<CompletableFuture<List<Colleague>>> resynced = List.of();
        List<Colleague> now = List.of();
        synchronized (table) {
            boolean listingUnderWay = table.listingUnderWay();
            changes = table.apply(event, clock.instant());
            if (listingUnderWay && !table.listingUnderWay()) {
                resynced = listing.takeListed();
                now = table.colleagues();
            }
        }
        if (!changes.isEmpty()) {
            notices.execute(() -> tell(changes));
        }
        if (!resynced.isEmpty()) {
            List<Colleague> listed = now;
            List<CompletableFuture<List<Colleague>>> waiting = resynced;
            notices.execute(() -> waiting.forEach(future -> future.complete(listed)));
        }
    }

    private void tell(List<ColleagueChange> changes) {
        for (ColleagueListener listener : listeners) {
            try {
                listener.colleaguesChanged(changes);
            } catch (RuntimeException | LinkageError e) {
                LOG.error("Colleague listener {} failed", listener, e);
            }
        }
    }

    /** Asks the PBX for every hint's state; the listing arrives as events, in order with all others. */
    @Override
    public void resync() {
        listing.send(connection, new ExtensionStateListAction());
    }

    @Deactivate
    void deactivate() {
        notices.shutdownNow();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    @Override
    public void addListener(ColleagueListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(ColleagueListener listener) {
        listeners.remove(listener);
    }
}

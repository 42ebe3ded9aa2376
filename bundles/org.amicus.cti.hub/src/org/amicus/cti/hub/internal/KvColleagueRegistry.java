package org.amicus.cti.hub.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;

import org.amicus.cti.Colleague;
import org.amicus.cti.ColleagueChange;
import org.amicus.cti.ColleagueChange.Kind;
import org.amicus.cti.ColleagueListener;
import org.amicus.cti.ColleagueRegistry;
import org.amicus.cti.hub.HubSubjects;

/** The colleagues' phones as the hub publishes them, one entry per hint. */
public final class KvColleagueRegistry implements ColleagueRegistry {

    private static final Comparator<Colleague> ORDER = Comparator.comparing(Colleague::extension)
            .thenComparing(Colleague::context);

    private final Listeners<ColleagueListener> listeners = new Listeners<>();
    private final KvBoard<Colleague> board;
    private volatile List<Colleague> colleagues = List.of();

    KvColleagueRegistry(ScheduledExecutorService retries) {
        board = new KvBoard<>(HubSubjects.COLLEAGUES_BUCKET, Colleague.class, retries, this::changed, () -> { });
    }

    KvBoard<?> board() {
        return board;
    }

    @Override
    public List<Colleague> colleagues() {
        return colleagues;
    }

    @Override
    public Optional<Colleague> colleague(String extension) {
        return colleagues.stream().filter(colleague -> colleague.extension().equals(extension)).findFirst();
    }

    @Override
    public Optional<String> resyncProblem() {
        return board.problem();
    }

    @Override
    public CompletableFuture<List<Colleague>> nextResync() {
        return board.nextLoad().thenApply(loaded -> colleagues);
    }

    @Override
    public void addListener(ColleagueListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(ColleagueListener listener) {
        listeners.remove(listener);
    }

    private void changed(List<KvBoard.Change<Colleague>> changes) {
        colleagues = board.entries().stream().sorted(ORDER).toList();
        List<ColleagueChange> told = changes.stream().map(change -> change.before() == null
                ? new ColleagueChange(Kind.ADDED, change.after(), null)
                : change.after() == null ? new ColleagueChange(Kind.REMOVED, change.before(), null)
                        : new ColleagueChange(Kind.CHANGED, change.after(), change.before()))
                .toList();
        listeners.tell(listener -> listener.colleaguesChanged(told));
    }
}

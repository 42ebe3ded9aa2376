package org.amicus.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.amicus.cti.Colleague;
import org.amicus.cti.ColleagueChange;
import org.amicus.cti.ColleagueListener;
import org.amicus.cti.ColleagueRegistry;
import org.amicus.cti.ColleagueState;

/** Lets a test wait until a colleague's phone has been in a state, however briefly. */
public final class ColleagueWatcher implements ColleagueListener, AutoCloseable {

    private final ColleagueRegistry registry;
    private final List<Colleague> seen = new ArrayList<>();
    private int checked;

    public ColleagueWatcher(ColleagueRegistry registry) {
        this.registry = registry;
        registry.addListener(this);
    }

    @Override
    public synchronized void colleaguesChanged(List<ColleagueChange> changes) {
        changes.forEach(change -> seen.add(change.colleague()));
        notifyAll();
    }

    /**
     * The colleague as first seen in that state since the last state awaited (or as it is now, if it is in that state
     * already); fails after the timeout with what was seen.
     */
    public synchronized Colleague await(String extension, ColleagueState state, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (; checked < seen.size(); checked++) {
                Colleague colleague = seen.get(checked);
                if (colleague.extension().equals(extension) && colleague.state() == state) {
                    checked++;
                    return colleague;
                }
            }
            Colleague now = registry.colleague(extension).orElse(null);
            if (now != null && now.state() == state) {
                return now;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError(extension + " not " + state + " within " + timeout + "; now " + now
                        + ", seen " + seen.stream().filter(c -> c.extension().equals(extension)).toList());
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    @Override
    public void close() {
        registry.removeListener(this);
    }
}

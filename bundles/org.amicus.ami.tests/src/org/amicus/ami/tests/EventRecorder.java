package org.amicus.ami.tests;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.amicus.ami.AmiEventListener;
import org.asteriskjava.manager.event.ManagerEvent;

/** Keeps every event it hears and lets a test wait for the one it expects, however late or early it came. */
final class EventRecorder implements AmiEventListener {

    private final List<ManagerEvent> events = new ArrayList<>();
    private int resyncs;

    @Override
    public synchronized void onEvent(ManagerEvent event) {
        events.add(event);
        notifyAll();
    }

    @Override
    public synchronized void resync() {
        resyncs++;
        notifyAll();
    }

    synchronized void awaitResync(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (resyncs == 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("No resync within " + timeout);
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    synchronized <T extends ManagerEvent> T await(Class<T> type, Predicate<T> matching, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int seen = 0;
        while (true) {
            for (; seen < events.size(); seen++) {
                ManagerEvent event = events.get(seen);
                if (type.isInstance(event) && matching.test(type.cast(event))) {
                    return type.cast(event);
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("No " + type.getSimpleName() + " as expected within " + timeout
                        + "; heard " + names());
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    private List<String> names() {
        return events.stream().map(event -> event.getClass().getSimpleName()).toList();
    }
}

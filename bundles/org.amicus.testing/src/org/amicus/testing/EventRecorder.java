package org.amicus.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.amicus.ami.AmiEvent;
import org.amicus.ami.AmiEventListener;
import org.asteriskjava.manager.event.ManagerEvent;

/** Keeps every event it hears and lets a test wait for the one it expects, however late or early it came. */
public class EventRecorder implements AmiEventListener {

    private final List<AmiEvent> events = new ArrayList<>();
    private int resyncs;

    @Override
    public synchronized void onEvent(AmiEvent event) {
        events.add(event);
        notifyAll();
    }

    @Override
    public synchronized void resync() {
        resyncs++;
        notifyAll();
    }

    /** Every event heard so far that matches, for failure messages. */
    public synchronized List<AmiEvent> all(Predicate<AmiEvent> matching) {
        return events.stream().filter(matching).toList();
    }

    /** How many events it has heard. */
    public synchronized int heard() {
        return events.size();
    }

    /** Waits until it has heard more than that many events. */
    public synchronized void awaitMoreThan(int count, Duration timeout) throws InterruptedException {
        awaitCondition(() -> events.size() > count, timeout, "event after the first " + count);
    }

    public synchronized int resyncs() {
        return resyncs;
    }

    public synchronized void awaitResync(Duration timeout) throws InterruptedException {
        awaitResyncs(1, timeout);
    }

    public synchronized void awaitResyncs(int count, Duration timeout) throws InterruptedException {
        awaitCondition(() -> resyncs >= count, timeout, count + " resyncs");
    }

    /** The first event of that name that matches. */
    public AmiEvent await(String name, Predicate<AmiEvent> matching, Duration timeout)
            throws InterruptedException {
        return await(e -> e.name().equals(name) && matching.test(e), timeout, name);
    }

    /** The first event whose asterisk-java typed form is of that class and matches. */
    public <T extends ManagerEvent> T await(Class<T> type, Predicate<T> matching, Duration timeout)
            throws InterruptedException {
        Predicate<AmiEvent> typed = e -> e.typed().filter(type::isInstance).map(type::cast).filter(matching)
                .isPresent();
        return type.cast(await(typed, timeout, type.getSimpleName()).typed().orElseThrow());
    }

    /** The name of the first channel of that endpoint that rings (ChannelState 5). */
    public String awaitRinging(String endpoint, Duration timeout) throws InterruptedException {
        return await("Newstate", e -> e.get("Channel").orElse("").startsWith(endpoint + "-")
                && e.get("ChannelState").orElse("").equals("5"), timeout).get("Channel").orElseThrow();
    }

    private synchronized AmiEvent await(Predicate<AmiEvent> matching, Duration timeout, String what)
            throws InterruptedException {
        AmiEvent[] found = new AmiEvent[1];
        int[] seen = { 0 };
        awaitCondition(() -> {
            for (; seen[0] < events.size(); seen[0]++) {
                if (matching.test(events.get(seen[0]))) {
                    found[0] = events.get(seen[0]);
                    return true;
                }
            }
            return false;
        }, timeout, what);
        return found[0];
    }

    private synchronized void awaitCondition(java.util.function.BooleanSupplier condition, Duration timeout,
            String what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("No " + what + " as expected within " + timeout + "; heard "
                        + events.stream().map(AmiEvent::name).toList());
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }
}

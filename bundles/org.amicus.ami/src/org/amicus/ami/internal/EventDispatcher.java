package org.amicus.ami.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.function.Predicate;

import org.amicus.ami.AmiEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands events from the socket's reader to the listeners on a thread of its own, so that a slow listener never
 * stalls the reader. The queue between them is bounded; when it is full an event is dropped, counted and logged at
 * once: never silently. Requests to resync travel the same thread, so listeners hear events and resyncs one at a
 * time, in order.
 * <p>
 * The reader hands over the events of each read from the socket together, before it reads again: an event never
 * waits for the next bytes, and under load the two threads meet once per read, not once per event.
 * <p>
 * Recovery from a loss converges however small the queue: listeners are told to resync only once they have caught up
 * with the queue (asking the PBX for its state while the flood still fills the queue would only start another loss),
 * and the answers to an action of this connection (the items of a channel listing, say) are never dropped, since
 * there are only as many of them as the action asked for.
 */
final class EventDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(EventDispatcher.class);
    /** Queued to wake the thread for a resync. */
    private static final List<AmiEvent> RESYNC = List.of();
    /** The most events handed over at once, however many one read brought. */
    private static final int LARGEST_BATCH = 1_024;

    private final BlockingQueue<List<AmiEvent>> queue = new LinkedBlockingQueue<>();
    /** The events offered since the last hand-over; reader thread only. */
    private List<AmiEvent> batch = new ArrayList<>();
    /** Events offered and not yet delivered, handed over or not. */
    private final AtomicInteger waiting = new AtomicInteger();
    private final int capacity;
    private final Predicate<AmiEvent> solicited;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicBoolean overflowing = new AtomicBoolean();
    private final AtomicBoolean resyncRequested = new AtomicBoolean();
    private long reported; // dispatch thread only
    private final Consumer<AmiEvent> deliver;
    private final LongConsumer resync;
    private final Thread thread;

    /**
     * @param capacity  how many events may wait; more are dropped, unless they are solicited
     * @param solicited whether an event answers an action of this connection
     * @param deliver   hands one event to the listeners
     * @param resync    tells the listeners to resync, with the number of events dropped since the last time (0 if
     *                  the resync was requested)
     */
    EventDispatcher(String name, int capacity, Predicate<AmiEvent> solicited, Consumer<AmiEvent> deliver,
            LongConsumer resync) {
        this.capacity = capacity;
        this.solicited = solicited;
        this.deliver = deliver;
        this.resync = resync;
        this.thread = Thread.ofPlatform().name(name).daemon().unstarted(this::run);
    }

    /** Starts delivering, the events already offered first. */
    void start() {
        thread.start();
    }

    /** Never blocks. Called by the reader thread only; the event is delivered after the next {@link #handOver()}. */
    void offer(AmiEvent event) {
        if (waiting.get() < capacity || solicited.test(event)) {
            waiting.incrementAndGet();
            batch.add(event);
            if (batch.size() == LARGEST_BATCH) {
                handOver();
            }
        } else {
            dropped.incrementAndGet();
            if (overflowing.compareAndSet(false, true)) {
                LOG.warn("AMI event queue full ({} events): dropping events until the listeners catch up, then "
                        + "asking them to resync", capacity);
            }
        }
    }

    /** Hands the events offered so far to the dispatch thread. Called by the reader thread before it reads again. */
    void handOver() {
        if (!batch.isEmpty()) {
            queue.add(batch);
            batch = new ArrayList<>();
        }
    }

    /** Counts an event lost before it could be queued (one too large to read), and has the listeners resync. */
    void lost() {
        dropped.incrementAndGet();
        handOver();
        queue.add(RESYNC);
    }

    /** Has the listeners resync after the events already queued. */
    void requestResync() {
        resyncRequested.set(true);
        queue.add(RESYNC);
    }

    /** How many events this dispatcher has dropped so far. */
    long dropped() {
        return dropped.get();
    }

    /** Stops delivering; events still queued belong to a connection that is gone. */
    void stop() {
        thread.interrupt();
    }

    /** A listener's failure, even a broken bundle's linkage error, must not end event delivery for all. */
    private static void safely(Runnable step, String what, Object about) {
        try {
            step.run();
        } catch (RuntimeException | LinkageError e) {
            LOG.error("{} {} failed", what, about, e);
        }
    }

    /**
     * As {@link #safely}, without a lambda made for each event: a fresh JVM makes them through method handles, slowly,
     * until it has compiled them, and meanwhile events queue up.
     */
    private void deliver(AmiEvent event) {
        try {
            deliver.accept(event);
        } catch (RuntimeException | LinkageError e) {
            LOG.error("Delivering {} failed", event.name(), e);
        }
    }

    private void run() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                for (AmiEvent event : queue.take()) {
                    deliver(event);
                    waiting.decrementAndGet();
                }
                long total = dropped.get();
                boolean caughtUp = total > reported && waiting.get() == 0;
                if (caughtUp || resyncRequested.getAndSet(false)) {
                    long count = total - reported;
                    reported = total;
                    overflowing.set(false);
                    safely(() -> resync.accept(count), "Resync after events dropped:", count);
                }
            }
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
    }
}

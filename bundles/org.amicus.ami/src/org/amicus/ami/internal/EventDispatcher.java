package org.amicus.ami.internal;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

import org.amicus.ami.AmiEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands events from the socket's reader to the listeners on a thread of its own, so that a slow listener never
 * stalls the reader. The queue between them is bounded; when it is full an event is dropped and counted at once,
 * and the loss reported after the next delivered event: never silently. Requests to resync travel the same thread,
 * so listeners hear events and resyncs one at a time, in order.
 */
final class EventDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(EventDispatcher.class);

    private final BlockingQueue<AmiEvent> queue;
    /** Queued to wake the thread for a resync; never delivered. */
    private static final AmiEvent RESYNC = new AmiEvent(List.of(), null);

    private final AtomicLong dropped = new AtomicLong();
    private final AtomicBoolean resyncRequested = new AtomicBoolean();
    private long reported; // dispatch thread only
    private final Consumer<AmiEvent> deliver;
    private final LongConsumer resync;
    private final Thread thread;

    /**
     * @param deliver hands one event to the listeners
     * @param resync  tells the listeners to resync, with the number of events dropped since the last time (0 if
     *                the resync was requested)
     */
    EventDispatcher(String name, int capacity, Consumer<AmiEvent> deliver, LongConsumer resync) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.deliver = deliver;
        this.resync = resync;
        this.thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Never blocks. */
    void offer(AmiEvent event) {
        if (!queue.offer(event)) {
            dropped.incrementAndGet();
        }
    }

    /** Has the listeners resync after the events already queued. */
    void requestResync() {
        resyncRequested.set(true);
        queue.offer(RESYNC); // if the queue is full, the next event's delivery notices the request
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

    private void run() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                AmiEvent event = queue.take();
                if (event != RESYNC) {
                    safely(() -> deliver.accept(event), "Delivering", event.name());
                }
                long total = dropped.get();
                if (total > reported || resyncRequested.getAndSet(false)) {
                    long count = total - reported;
                    reported = total;
                    safely(() -> resync.accept(count), "Resync after events dropped:", count);
                }
            }
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
    }
}

package org.amicus.hub;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One thread that writes what was marked as changed: the marking side (a registry's listener, on the PBX's dispatch
 * thread) never waits, and a thing marked ten times while the thread wrote is written once, from its latest state.
 * What could not be written is tried again after a pause; so is what it may not write yet: a hub that is not sure
 * that it still leads holds its writes, which a standby taking over must not find written over.
 *
 * @param <K> what is marked, e.g. a call's linked id
 */
final class CoalescingWriter<K> implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CoalescingWriter.class);
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(1);

    private final Function<List<K>, Collection<K>> write;
    private final BooleanSupplier mayWrite;
    private final Set<K> changed = new LinkedHashSet<>();
    private final Thread thread;
    private boolean writing;
    private boolean closed;

    /**
     * @param write    writes a batch of what was marked, and returns what of it failed
     * @param mayWrite asked before each batch: while false, the batch waits and is asked for again after the pause
     */
    CoalescingWriter(String name, Function<List<K>, Collection<K>> write, BooleanSupplier mayWrite) {
        this.write = write;
        this.mayWrite = mayWrite;
        thread = Thread.ofPlatform().name(name).daemon().unstarted(this::run);
    }

    synchronized void mark(K key) {
        changed.add(key);
        notifyAll();
    }

    void start() {
        thread.start();
    }

    /**
     * Waits until everything marked so far is written, what failed and is tried again included; false if that takes
     * longer than the timeout.
     */
    synchronized boolean awaitWritten(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (writing || !changed.isEmpty()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    @Override
    public void close() throws InterruptedException {
        synchronized (this) {
            closed = true;
            notifyAll();
        }
        thread.join(Duration.ofSeconds(5));
    }

    private void run() {
        Collection<K> failed = List.of();
        while (true) {
            List<K> batch;
            synchronized (this) {
                writing = false;
                changed.addAll(failed);   // still to write, for those who await the writes too
                notifyAll();
                try {
                    if (!failed.isEmpty()) {
                        wait(RETRY_PAUSE.toMillis());   // the servers may be back by then; a mark or closing ends it
                    }
                    while (changed.isEmpty() && !closed) {
                        wait();
                    }
                } catch (InterruptedException e) {
                    return;
                }
                if (closed) {
                    return;
                }
                batch = new ArrayList<>(changed);
                changed.clear();
                writing = true;
            }
            if (mayWrite.getAsBoolean()) {
                failed = write.apply(batch);
            } else {
                LOG.warn("{} holds {} writes: not sure that this hub still leads", thread.getName(), batch.size());
                failed = batch;
            }
        }
    }
}

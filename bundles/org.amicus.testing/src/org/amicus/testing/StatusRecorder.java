package org.amicus.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.amicus.ami.ConnectionStatus;
import org.amicus.ami.ConnectionStatusListener;

/** Keeps every status a connection passes through and lets a test wait for the next one it expects. */
public final class StatusRecorder implements ConnectionStatusListener {

    private final List<ConnectionStatus> statuses = new ArrayList<>();
    private int consumed;

    @Override
    public synchronized void statusChanged(ConnectionStatus status) {
        statuses.add(status);
        notifyAll();
    }

    /** The first status after those already awaited that matches; fails after the timeout. */
    public synchronized ConnectionStatus awaitNext(Predicate<ConnectionStatus> matching, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (; consumed < statuses.size(); consumed++) {
                if (matching.test(statuses.get(consumed))) {
                    return statuses.get(consumed++);
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("No such status within " + timeout + "; saw " + statuses);
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }
}

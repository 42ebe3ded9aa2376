package org.amicus.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waiting on an object's monitor until a condition holds, for test helpers that notify when things change. */
public final class Monitors {

    private Monitors() {
    }

    /**
     * Waits, holding the monitor of {@code lock} and woken by its {@code notifyAll}, until the condition holds.
     *
     * @return false if it did not hold within the timeout
     */
    public static boolean await(Object lock, BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (!condition.getAsBoolean()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                lock.wait(Math.max(1, left / 1_000_000));
            }
            return true;
        }
    }
}

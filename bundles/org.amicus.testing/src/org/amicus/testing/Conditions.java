package org.amicus.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** For states that announce no change of their own (counters, flags): checks them often until they hold. */
public final class Conditions {

    private Conditions() {
    }

    public static void await(BooleanSupplier condition, Duration timeout, String what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + ": not so within " + timeout);
            }
            Thread.sleep(10);
        }
    }
}

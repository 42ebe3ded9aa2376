package org.amicus.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.amicus.cti.QueueChange;
import org.amicus.cti.QueueListener;
import org.amicus.cti.QueueRegistry;
import org.amicus.cti.QueueSnapshot;

/** Lets a test wait until the queues are as it expects, or until the registry tells of a change it expects. */
public final class QueueWatcher implements QueueListener, AutoCloseable {

    private final QueueRegistry registry;
    private final List<QueueChange> changes = new ArrayList<>();

    public QueueWatcher(QueueRegistry registry) {
        this.registry = registry;
        registry.addListener(this);
    }

    @Override
    public synchronized void queuesChanged(List<QueueChange> told) {
        changes.addAll(told);
        notifyAll();
    }

    public QueueSnapshot await(Predicate<QueueSnapshot> expected, Duration timeout, String what)
            throws InterruptedException {
        awaitTrue(() -> expected.test(registry.snapshot()), timeout,
                () -> "Queues not as expected (" + what + "): " + registry.snapshot().queues());
        return registry.snapshot();
    }

    /** The first change told since this watcher was made that matches. */
    public QueueChange awaitChange(Predicate<QueueChange> expected, Duration timeout, String what)
            throws InterruptedException {
        awaitTrue(() -> changes.stream().anyMatch(expected), timeout, () -> "No change (" + what + "): " + changes);
        synchronized (this) {
            return changes.stream().filter(expected).findFirst().orElseThrow();
        }
    }

    private synchronized void awaitTrue(BooleanSupplier condition, Duration timeout,
            Supplier<String> failure) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError(failure.get() + " within " + timeout);
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    @Override
    public void close() {
        registry.removeListener(this);
    }

    /**
     * Puts the test PBX's queues back as its configuration has them, behind the back of the connection under test: my
     * phone 108 logged out of both queues, the static members 104, 105 and 106 unpaused. Refusals (already so) are
     * fine.
     */
    public static void resetQueues() throws Exception {
        try (RawAmi ami = new RawAmi()) {
            for (String queue : List.of("support", "sales")) {
                ami.send("QueueRemove", "Queue", queue, "Interface", "PJSIP/108");
            }
            for (String member : List.of("PJSIP/104", "PJSIP/105", "PJSIP/106")) {
                ami.send("QueuePause", "Interface", member, "Paused", "false");
            }
        }
    }
}

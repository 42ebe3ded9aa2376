package org.amicus.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
     * phone 108 logged out of both queues, the static members 104, 105 and 106 unpaused. Returns once the PBX has told
     * each change, so that no later test's observer reads it as its own.
     */
    public static void resetQueues() throws Exception {
        try (RawAmi ami = new RawAmi()) {
            for (Map<String, String> member : ami.list("QueueStatus", "QueueStatusComplete")) {
                if (!"QueueMember".equals(member.get("Event"))) {
                    continue;
                }
                String queue = member.get("Queue");
                String device = member.getOrDefault("Location", "");
                if (device.equals("PJSIP/108")) {
                    ami.sendAndAwait(told("QueueMemberRemoved", queue, device), "QueueRemove", "Queue", queue,
                            "Interface", device);
                } else if (List.of("PJSIP/104", "PJSIP/105", "PJSIP/106").contains(device)) {
                    ami.sendAndAwait(told("QueueMemberPause", queue, device), "QueuePause", "Queue", queue,
                            "Interface", device, "Paused", "false");
                }
            }
        }
    }

    private static Predicate<Map<String, String>> told(String event, String queue, String device) {
        return message -> event.equals(message.get("Event")) && queue.equals(message.get("Queue"))
                && device.equals(message.get("Interface"));
    }
}

package org.amicus.cti.tests;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import org.amicus.cti.ChannelChange;
import org.amicus.cti.ChannelListener;
import org.amicus.cti.ChannelRegistry;
import org.amicus.cti.ChannelSnapshot;

/** Lets a test wait until the registry's channels are as it expects. */
final class RegistryWatcher implements ChannelListener, AutoCloseable {

    private final ChannelRegistry registry;

    RegistryWatcher(ChannelRegistry registry) {
        this.registry = registry;
        registry.addListener(this);
    }

    @Override
    public synchronized void channelsChanged(List<ChannelChange> changes) {
        notifyAll();
    }

    synchronized ChannelSnapshot await(Predicate<ChannelSnapshot> expected, Duration timeout, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            ChannelSnapshot snapshot = registry.snapshot();
            if (expected.test(snapshot)) {
                return snapshot;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("Channels not as expected (" + what + ") within " + timeout + ": "
                        + snapshot.channels());
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    @Override
    public void close() {
        registry.removeListener(this);
    }
}

package org.amicus.cti.tests;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import org.amicus.ami.AmiConnection;
import org.amicus.cti.Channel;
import org.amicus.cti.ChannelChange;
import org.amicus.cti.ChannelListener;
import org.amicus.cti.ChannelRegistry;
import org.amicus.cti.ChannelSnapshot;
import org.amicus.testing.TestCalls;

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

    /** A customer (105) calls 104, which rings: returns the customer's channel and the ringing one. */
    Channel[] ringingCall(AmiConnection connection) throws Exception {
        String customer = TestCalls.customerCallsPhone104(connection).channelId();
        ChannelSnapshot ringing = await(s -> TestCalls.ringingFor(s, customer) != null, Duration.ofSeconds(15),
                "104 rings for 105");
        return new Channel[] { ringing.byUniqueId(customer).orElseThrow(), TestCalls.ringingFor(ringing, customer) };
    }

    @Override
    public void close() {
        registry.removeListener(this);
    }
}

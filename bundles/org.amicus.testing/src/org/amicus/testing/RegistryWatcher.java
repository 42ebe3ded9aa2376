package org.amicus.testing;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.amicus.ami.AmiConnection;
import org.amicus.cti.Channel;
import org.amicus.cti.ChannelChange;
import org.amicus.cti.ChannelListener;
import org.amicus.cti.ChannelRegistry;
import org.amicus.cti.ChannelSnapshot;
import org.amicus.cti.ChannelState;
import org.asteriskjava.manager.action.CoreShowChannelsAction;

/** Lets a test wait until the registry's channels are as it expects. */
public final class RegistryWatcher implements ChannelListener, AutoCloseable {

    private static final Duration SAME_AS_PBX_TIMEOUT = Duration.ofSeconds(15);

    private final ChannelRegistry registry;

    public RegistryWatcher(ChannelRegistry registry) {
        this.registry = registry;
        registry.addListener(this);
    }

    @Override
    public synchronized void channelsChanged(List<ChannelChange> changes) {
        notifyAll();
    }

    public synchronized ChannelSnapshot await(Predicate<ChannelSnapshot> expected, Duration timeout, String what)
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

    /**
     * Waits until the registry holds exactly the channels (unique ids, names and states) that the PBX lists in
     * {@code CoreShowChannels}, asking it again after each listing that differs; fails with the difference after 15 s.
     */
    public ChannelSnapshot awaitSameAsPbx(AmiConnection connection) throws Exception {
        long deadline = System.nanoTime() + SAME_AS_PBX_TIMEOUT.toNanos();
        Map<String, String> listed;
        Map<String, String> known;
        do {
            listed = connection.sendList(new CoreShowChannelsAction(), SAME_AS_PBX_TIMEOUT)
                    .get(30, TimeUnit.SECONDS).stream()
                    .collect(Collectors.toMap(e -> e.get("Uniqueid").orElseThrow(), e -> e.get("Channel").orElseThrow()
                            + " " + ChannelState.ofAmi(e.get("ChannelState").orElse("")),
                            (one, other) -> one + " and again as " + other)); // listed twice while it changed
            known = registry.snapshot().channels().stream()
                    .collect(Collectors.toMap(Channel::uniqueId, c -> c.name() + " " + c.state()));
            if (listed.equals(known)) {
                return registry.snapshot();
            }
        } while (System.nanoTime() < deadline);
        throw new AssertionError("the registry does not hold what the PBX lists: listed " + listed + ", known "
                + known);
    }

    /** A customer (105) calls 104, which rings: returns the customer's channel and the ringing one. */
    public Channel[] ringingCall(AmiConnection connection) throws Exception {
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

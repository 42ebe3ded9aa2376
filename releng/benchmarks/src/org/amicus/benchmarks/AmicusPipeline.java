package org.amicus.benchmarks;

import java.lang.reflect.Field;
import java.time.Duration;

import org.amicus.ami.AmiConnection;
import org.amicus.ami.AmiEvent;
import org.amicus.ami.AmiEventListener;
import org.amicus.ami.AmiProfile;
import org.amicus.ami.ConnectionOptions;
import org.amicus.ami.internal.AmiConnectionService;
import org.amicus.cti.ChannelRegistry;
import org.amicus.cti.internal.EventChannelRegistry;

/**
 * Amicus's event path as the product runs it: socket, AMI connection, channel registry. The harness wires the two
 * services as OSGi Declarative Services would, and listens after the registry, so that an event counts once the
 * registry has applied it.
 */
final class AmicusPipeline {

    /**
     * Longer than a pass: the replay server answers a ping after the events already in the socket's buffers, which
     * on a busy machine can take longer than the product's patience; a lost connection would replay the stream.
     */
    private static final Duration PING_INTERVAL = Duration.ofMinutes(10);

    final AmiConnectionService connection = new AmiConnectionService();
    final EventChannelRegistry registry = new EventChannelRegistry();
    /** Events the connection dropped during a warm-up, which do not count. */
    private volatile long droppedWarmingUp;

    AmicusPipeline() throws ReflectiveOperationException {
        Field reference = EventChannelRegistry.class.getDeclaredField("connection"); // DS's @Reference
        reference.setAccessible(true);
        reference.set(registry, connection);
        connection.addEventListener(registry);
    }

    /** Connects, with the trace's events counted by the tally after the registry has applied them. */
    void connect(int port, Tally tally) throws Exception {
        connection.addEventListener(new AmiEventListener() {
            @Override
            public void onEvent(AmiEvent event) {
                String name = event.name();
                if (name.equals(ReplayServer.END_EVENT)) {
                    tally.end();
                } else if (name.equals(ReplayServer.WARMED_EVENT)) {
                    droppedWarmingUp = connection.droppedEvents();
                    tally.warmedUp();
                } else if (!name.startsWith("CoreShowChannel")) { // the registry's own listing, not the trace
                    tally.event();
                }
            }
        });
        connection.connect(new AmiProfile("replay", "127.0.0.1", port, false, "amicus"), "secret",
                new ConnectionOptions(PING_INTERVAL, Duration.ofMillis(500), Duration.ofSeconds(30),
                        ConnectionOptions.DEFAULT.eventQueueCapacity()))
                .get();
    }

    /** Events the connection dropped since the warm-up, if there was one, or since it connected. */
    long dropped() {
        return connection.droppedEvents() - droppedWarmingUp;
    }

    ChannelRegistry registry() {
        return registry;
    }

    AmiConnection connection() {
        return connection;
    }
}

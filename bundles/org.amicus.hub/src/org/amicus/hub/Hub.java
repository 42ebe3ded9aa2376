package org.amicus.hub;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import org.amicus.ami.AmiConnection;
import org.amicus.cti.ChannelSnapshot;
import org.amicus.cti.hub.HubSubjects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.KeyValue;
import io.nats.client.KeyValueManagement;
import io.nats.client.api.KeyValueConfiguration;
import io.nats.client.api.StorageType;

/**
 * The running hub: one AMI session to the PBX (through {@code org.amicus.ami} and {@code org.amicus.cti}, as a
 * desktop in direct mode uses them), the live channels mirrored into the roster's buckets, the desktops' action
 * requests answered, and a heartbeat that tells them so.
 */
public final class Hub implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Hub.class);
    private static final Duration LOGIN_TIMEOUT = Duration.ofSeconds(20);
    /** How often the hub tells the desktops it serves them; they give it a few of these before they call it gone. */
    static final Duration HEARTBEAT = Duration.ofSeconds(1);

    private final AmiConnection pbx;
    private final Connection nats;
    private final RegistryPublisher publisher;
    private final BoardPublisher boards;
    private final QueueEventPublisher queueEvents;
    private final ActionServer actions;
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("amicus-hub-heartbeat").daemon().factory());

    private Hub(AmiConnection pbx, Connection nats, RegistryPublisher publisher, BoardPublisher boards,
            QueueEventPublisher queueEvents, ActionServer actions) {
        this.pbx = pbx;
        this.nats = nats;
        this.publisher = publisher;
        this.boards = boards;
        this.queueEvents = queueEvents;
        this.actions = actions;
        // each start of serving beats with an id of its own: a desktop that hears a new one reads the buckets again
        byte[] serving = UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8);
        heartbeat.scheduleAtFixedRate(() -> nats.publish(HubSubjects.HEARTBEAT, serving), 0, HEARTBEAT.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /**
     * Logs in to the PBX and to the NATS servers, makes the buckets that are missing, and starts serving.
     *
     * @param mayWrite whether the buckets may be written now: the hub writes only while it holds the lease, and holds
     *                 its writes meanwhile
     * @throws IOException with a message for the operator if the PBX or the NATS servers cannot be used
     */
    public static Hub start(HubConfig config, PbxServices services, BooleanSupplier mayWrite)
            throws IOException, InterruptedException {
        AmiConnection pbx = services.pbx();
        CompletableFuture<ChannelSnapshot> resync = services.channels().nextResync();
        await(pbx.connect(config.pbx(), config.pbxSecret()), "login to the PBX " + config.pbx().server());
        try {
            resync.get(LOGIN_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("The hub follows the PBX's events without a resync: {}", services.channels().resyncProblem()
                    .orElse(String.valueOf(e.getMessage())));
        }
        Connection nats = config.connectNats("amicus-hub");
        try {
            Map<String, KeyValue> buckets = buckets(nats, config);
            Map<String, KeyValue> channelBuckets = new LinkedHashMap<>(buckets);   // what it takes over is its own
            channelBuckets.keySet().removeAll(HubSubjects.BOARD_BUCKETS);
            RegistryPublisher publisher = new RegistryPublisher(services.channels(), config.roster(), channelBuckets,
                    nats.jetStream(), mayWrite);
            publisher.start();
            BoardPublisher boards = new BoardPublisher(services, buckets, mayWrite);
            boards.start();
            QueueEventPublisher queueEvents = QueueEventPublisher.start(services.queues(), nats);
            ActionServer server = new ActionServer(nats, config.roster(), new Operations(services.actions(),
                    services.queueActions(), services.parked(), services.channels(), config.roster(),
                    config.dialContext()));
            server.start();
            LOG.info("Hub serving {} users through {}", config.roster().members().size(), config.natsServers());
            return new Hub(pbx, nats, publisher, boards, queueEvents, server);
        } catch (IOException | JetStreamApiException | RuntimeException e) {
            nats.close();
            throw new IOException("cannot set up the hub's buckets at " + config.natsServers() + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * The roster's buckets and the boards', each made if missing: live state only, so in memory, on as many servers as
     * asked.
     */
    static Map<String, KeyValue> buckets(Connection nats, HubConfig config)
            throws IOException, JetStreamApiException {
        KeyValueManagement management = nats.keyValueManagement();
        List<String> existing = management.getBucketNames();
        Map<String, KeyValue> buckets = new LinkedHashMap<>();
        for (String bucket : Stream.concat(config.roster().allBuckets().stream(), HubSubjects.BOARD_BUCKETS.stream())
                .toList()) {
            if (!existing.contains(bucket)) {
                management.create(KeyValueConfiguration.builder().name(bucket).maxHistoryPerKey(1)
                        .storageType(StorageType.Memory).replicas(config.replicas()).build());
            }
            buckets.put(bucket, nats.keyValue(bucket));
        }
        return buckets;
    }

    /** Waits until every channel change heard so far is in the buckets; false if not within the timeout. */
    boolean awaitPublished(Duration timeout) throws InterruptedException {
        return publisher.awaitWritten(timeout);
    }

    @Override
    public void close() throws InterruptedException {
        heartbeat.shutdownNow();
        actions.close();
        publisher.close();
        boards.close();
        queueEvents.close();
        nats.close();
        try {
            pbx.disconnect().get(5, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            LOG.info("The PBX did not confirm the logoff: {}", e.getMessage());
        }
    }

    private static void await(CompletableFuture<?> future, String what) throws IOException, InterruptedException {
        try {
            future.get(LOGIN_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IOException("cannot " + what + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IOException("no answer to the " + what + " within " + LOGIN_TIMEOUT.toSeconds() + " s");
        }
    }
}

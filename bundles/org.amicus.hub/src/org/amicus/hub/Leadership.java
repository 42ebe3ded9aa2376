package org.amicus.hub;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;

/**
 * Runs the hub while this process holds the lease, and stands by otherwise: any number of hubs may run with one
 * configuration; one leads (holds the AMI session, writes the buckets, answers the desktops), the others wait for
 * its lease to lapse. A leader that loses the lease stops serving and stands by again.
 */
final class Leadership {

    private static final Logger LOG = LoggerFactory.getLogger(Leadership.class);
    /** The pause before a new connection to read the lease, so that a cluster that cannot answer yet is not flooded. */
    private static final Duration RETRY = Duration.ofSeconds(1);

    private final HubConfig config;
    private final HubStart start;

    /**
     * How this process starts serving once it leads: logs in to the PBX and to NATS, and serves, writing only while
     * {@code mayWrite} says that it still holds the lease.
     */
    @FunctionalInterface
    interface HubStart {
        Hub start(BooleanSupplier mayWrite) throws IOException, InterruptedException;
    }

    Leadership(HubConfig config, HubStart start) {
        this.config = config;
        this.start = start;
    }

    /**
     * Leads or stands by until told to stop; a leader releases the lease as it stops, so that a standby takes over at
     * once.
     *
     * @throws IOException with a message for the operator if the NATS servers or, on taking the lead, the PBX cannot
     *                     be used
     */
    void run(CountDownLatch stop) throws IOException, InterruptedException {
        String holder = holderName();
        LOG.info("Hub {} stands by until it holds the lease", holder);
        while (true) {
            try (Connection nats = config.connectNats("amicus-hub-lease")) {
                if (leadWhileHeld(openLease(nats, holder), stop)) {
                    return;
                }
            } catch (JetStreamApiException e) {
                throw new IOException("cannot use the lease bucket at " + config.natsServers() + ": " + e.getMessage(),
                        e);
            } catch (LeaseUnreadable e) {
                LOG.warn("Hub {} connects to NATS anew: {}", holder, e.getMessage());
                if (stop.await(RETRY.toMillis(), TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
        }
    }

    /**
     * The lease on this connection; a bucket that does not answer (while the cluster elects its stream's leader after
     * losing a server, say) is tried again on a new connection.
     */
    private HubLease openLease(Connection nats, String holder) throws JetStreamApiException, LeaseUnreadable {
        try {
            return new HubLease(nats, holder, config.replicas());
        } catch (IOException e) {
            throw new LeaseUnreadable(e);
        }
    }

    /** Thrown when a standby cannot read the lease on its connection any more. */
    private static final class LeaseUnreadable extends Exception {
        private static final long serialVersionUID = 1L;

        LeaseUnreadable(IOException cause) {
            super(cause.getMessage(), cause);
        }
    }

    /** Leads whenever it holds the lease, stands by otherwise; true once told to stop. */
    private boolean leadWhileHeld(HubLease lease, CountDownLatch stop)
            throws IOException, InterruptedException, LeaseUnreadable {
        while (true) {
            try {
                if (!lease.acquire(stop)) {
                    return true;
                }
            } catch (IOException e) {
                throw new LeaseUnreadable(e);
            }
            boolean stopped;
            try {
                stopped = lead(lease, stop);
            } catch (IOException e) {
                lease.release();    // a standby may reach the PBX
                throw e;
            }
            if (stopped) {
                lease.release();
                return true;
            }
            if (lease.lapsed()) {   // its renewals stopped returning: this connection may answer nothing any more
                LOG.info("Hub {} stands by again, on a new connection", lease.holder());
                throw new LeaseUnreadable(new IOException("the lease was not renewed for "
                        + HubLease.EXPIRY.toMillis() + " ms"));
            }
            LOG.info("Hub {} stands by again", lease.holder());
        }
    }

    /**
     * Serves while the lease is renewed; true if told to stop, false if the lease was lost. The renewals run on a
     * thread of their own from the moment the lease is taken, so that logging in to the PBX and reading its channels,
     * however long they take, never let it lapse.
     */
    private boolean lead(HubLease lease, CountDownLatch stop) throws IOException, InterruptedException {
        long since = System.nanoTime();
        CountDownLatch lost = new CountDownLatch(1);
        ScheduledExecutorService renewals = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("amicus-hub-lease").daemon().factory());
        renewals.scheduleWithFixedDelay(() -> {
            if (!lease.renew()) {
                lost.countDown();
            }
        }, HubLease.RENEWAL.toMillis(), HubLease.RENEWAL.toMillis(), TimeUnit.MILLISECONDS);
        try (Hub hub = start.start(lease::mayWrite)) {
            LOG.info("Hub {} serves, {} ms after it took the lease", lease.holder(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - since));
            while (!stop.await(HubLease.RENEWAL.toMillis(), TimeUnit.MILLISECONDS)) {
                if (lost.getCount() == 0) {
                    return false;
                }
                if (lease.lapsed()) {   // a renewal that never returns must not keep a leader that no longer is
                    LOG.warn("Hub {} gives up the lead: no renewal succeeded for {} ms", lease.holder(),
                            HubLease.EXPIRY.toMillis());
                    return false;
                }
            }
            return true;
        } finally {
            renewals.shutdownNow();
            renewals.awaitTermination(HubLease.EXPIRY.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** This process's name in the lease: its host and process id, as an operator finds it. */
    private static String holderName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "unknown-host";
        }
        return host + ":" + ProcessHandle.current().pid() + ":" + ManagementFactory.getRuntimeMXBean().getStartTime();
    }
}

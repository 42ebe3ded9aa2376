package org.amicus.hub;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.amicus.ami.AmiConnection;
import org.amicus.cti.ChannelRegistry;
import org.amicus.cti.ColleagueRegistry;
import org.amicus.cti.CtiActions;
import org.amicus.cti.ParkedCalls;
import org.amicus.cti.QueueActions;
import org.amicus.cti.QueueRegistry;
import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The Eclipse application {@code org.amicus.hub.app} that {@code amicus hub …} starts, without a display:
 * <ul>
 * <li>{@code amicus hub [run] --config FILE}: serves until SIGINT or SIGTERM while it holds the lease, and stands by
 * while another hub with the same configuration does;</li>
 * <li>{@code amicus hub nats-config --config FILE}: writes the NATS servers' accounts for the roster to stdout.</li>
 * </ul>
 */
public class HubApplication implements IApplication {

    static final int OK = 0;
    static final int BAD_INPUT = 2;
    static final int CANNOT_CONNECT = 3;
    static final int INTERNAL_ERROR = 70;
    private static final String USAGE = "usage: amicus hub [run | nats-config] --config FILE";
    private static final long SERVICE_WAIT_MILLIS = 10_000;

    @Override
    public Object start(IApplicationContext context) throws Exception {
        String[] args = (String[]) context.getArguments().get(IApplicationContext.APPLICATION_ARGS);
        return run(List.of(args == null ? new String[0] : args), System.out, System.err);
    }

    int run(List<String> args, PrintStream out, PrintStream err) throws InterruptedException {
        List<String> rest = args.isEmpty() || args.get(0).startsWith("-") ? args : args.subList(1, args.size());
        String command = rest == args ? "run" : args.get(0);
        if (rest.size() != 2 || !rest.get(0).equals("--config") || !List.of("run", "nats-config").contains(command)) {
            err.println(USAGE);
            return BAD_INPUT;
        }
        HubConfig config;
        try {
            config = HubConfig.read(Path.of(rest.get(1)));
        } catch (IOException | IllegalArgumentException e) {
            err.println("amicus hub: " + rest.get(1) + ": " + e.getMessage());
            return BAD_INPUT;
        }
        if (command.equals("nats-config")) {
            out.print(NatsConfig.accounts(config));
            return OK;
        }
        return serve(config, err);
    }

    private int serve(HubConfig config, PrintStream err) throws InterruptedException {
        try (Tracked tracked = new Tracked(FrameworkUtil.getBundle(HubApplication.class).getBundleContext())) {
            PbxServices services;
            try {
                services = new PbxServices(tracked.get(AmiConnection.class), tracked.get(ChannelRegistry.class),
                        tracked.get(CtiActions.class), tracked.get(QueueActions.class),
                        tracked.get(QueueRegistry.class), tracked.get(ColleagueRegistry.class),
                        tracked.get(ParkedCalls.class));
            } catch (IllegalStateException e) {
                err.println("amicus hub: Amicus's services did not start (" + e.getMessage() + "): see the log");
                return INTERNAL_ERROR;
            }
            CountDownLatch stop = new CountDownLatch(1);
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                stop.countDown();
                try {   // the JVM ends when this returns: let the hub log off and hand its lease over first
                    stopped.await(SERVICE_WAIT_MILLIS, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "amicus-hub-stop"));
            try {
                new Leadership(config, mayWrite -> Hub.start(config, services, mayWrite)).run(stop);
                return OK;
            } catch (IOException e) {
                err.println("amicus hub: " + e.getMessage());
                return CANNOT_CONNECT;
            } finally {
                stopped.countDown();
            }
        }
    }

    @Override
    public void stop() {
        // the hub stops on SIGINT or SIGTERM; the framework stops after it
    }

    /** Amicus's services as Declarative Services provides them, each waited for up to 10 s. */
    private static final class Tracked implements AutoCloseable {

        private final BundleContext bundles;
        private final List<ServiceTracker<?, ?>> trackers = new ArrayList<>();

        Tracked(BundleContext bundles) {
            this.bundles = bundles;
        }

        /** @throws IllegalStateException naming the service if it did not come */
        <T> T get(Class<T> type) throws InterruptedException {
            ServiceTracker<T, T> tracker = new ServiceTracker<>(bundles, type, null);
            trackers.add(tracker);
            tracker.open();
            T service = tracker.waitForService(SERVICE_WAIT_MILLIS);
            if (service == null) {
                throw new IllegalStateException("no " + type.getSimpleName());
            }
            return service;
        }

        @Override
        public void close() {
            trackers.forEach(ServiceTracker::close);
        }
    }
}

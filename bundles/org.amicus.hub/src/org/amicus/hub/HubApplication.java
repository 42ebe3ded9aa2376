package org.amicus.hub;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.amicus.ami.AmiConnection;
import org.amicus.cti.ChannelRegistry;
import org.amicus.cti.CtiActions;
import org.amicus.cti.QueueActions;
import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The Eclipse application {@code org.amicus.hub.app} that {@code amicus hub …} starts, without a display:
 * <ul>
 * <li>{@code amicus hub [run] --config FILE}: serves until SIGINT or SIGTERM;</li>
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
        BundleContext bundles = FrameworkUtil.getBundle(HubApplication.class).getBundleContext();
        try (Tracked<AmiConnection> pbx = new Tracked<>(bundles, AmiConnection.class);
                Tracked<ChannelRegistry> registry = new Tracked<>(bundles, ChannelRegistry.class);
                Tracked<CtiActions> actions = new Tracked<>(bundles, CtiActions.class);
                Tracked<QueueActions> queues = new Tracked<>(bundles, QueueActions.class)) {
            if (pbx.service() == null || registry.service() == null || actions.service() == null
                    || queues.service() == null) {
                err.println("amicus hub: Amicus's services did not start: see the log");
                return INTERNAL_ERROR;
            }
            CountDownLatch stop = new CountDownLatch(1);
            Thread hook = new Thread(stop::countDown, "amicus-hub-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            try (Hub hub = Hub.start(config, pbx.service(), registry.service(), actions.service(),
                    queues.service())) {
                stop.await();
                return OK;
            } catch (IOException e) {
                err.println("amicus hub: " + e.getMessage());
                return CANNOT_CONNECT;
            }
        }
    }

    @Override
    public void stop() {
        // the hub stops on SIGINT or SIGTERM; the framework stops after it
    }

    /** A service as Declarative Services provides it, waited for up to 10 s. */
    private static final class Tracked<T> implements AutoCloseable {

        private final ServiceTracker<T, T> tracker;
        private final T service;

        Tracked(BundleContext bundles, Class<T> type) throws InterruptedException {
            tracker = new ServiceTracker<>(bundles, type, null);
            tracker.open();
            service = tracker.waitForService(SERVICE_WAIT_MILLIS);
        }

        T service() {
            return service;
        }

        @Override
        public void close() {
            tracker.close();
        }
    }
}

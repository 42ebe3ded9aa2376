package org.amicus.cli;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The Eclipse application {@code org.amicus.cli.app} that {@code amicus cli …} starts: runs {@link Cli} on the process's
 * own streams, without a display, and returns its exit code, which the launcher makes the process's. On SIGINT or
 * SIGTERM the running command is told to stop and given a moment to log off.
 */
public class CliApplication implements IApplication {

    private static final long SERVICE_WAIT_MILLIS = 10_000;
    private static final long STOP_WAIT_SECONDS = 3;

    @Override
    public Object start(IApplicationContext context) throws Exception {
        String[] args = (String[]) context.getArguments().get(IApplicationContext.APPLICATION_ARGS);
        Terminal terminal = new Terminal(System.in, System.out, System.err, new CompletableFuture<>());
        CountDownLatch finished = new CountDownLatch(1);
        Thread interrupt = new Thread(() -> {
            terminal.interrupted().complete(null);
            try {
                finished.await(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "amicus-cli-interrupt");
        Runtime.getRuntime().addShutdownHook(interrupt);
        ServiceTracker<Cli, Cli> tracker = new ServiceTracker<>(
                FrameworkUtil.getBundle(CliApplication.class).getBundleContext(), Cli.class, null);
        tracker.open();
        try {
            Cli cli = tracker.waitForService(SERVICE_WAIT_MILLIS);
            if (cli == null) {
                System.err.println("amicus cli: " + Messages.servicesDidNotStart); //$NON-NLS-1$
                return Exit.INTERNAL_ERROR.code();
            }
            return cli.run(List.of(args == null ? new String[0] : args), System.getenv(), terminal);
        } finally {
            tracker.close();
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(interrupt);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it has been told
            }
        }
    }

    @Override
    public void stop() {
        // the command ends on its own; the framework stops after it
    }
}

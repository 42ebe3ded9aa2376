package org.amicus.app;

import java.time.Duration;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.workbench.IWorkbench;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.launch.Framework;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * A signal to end (SIGTERM, as a desktop session sends when the agent logs out) closes the workbench as Quit does: the
 * agent's layout is kept, and the framework stops its bundles, which write their caches for a quicker next start.
 * The JVM ends when the framework has stopped, or after {@link #PATIENCE} whatever the workbench does.
 */
public class CloseOnSignalAddon {

    private static final Logger LOG = LoggerFactory.getLogger(CloseOnSignalAddon.class);
    static final Duration PATIENCE = Duration.ofSeconds(5);

    @Inject
    UISynchronize ui;

    private final Thread hook = new Thread(this::closeAndAwaitStop, "amicus-close-on-signal");
    private IWorkbench workbench;
    /** The system bundle, which the launching API makes the framework itself. */
    private Framework framework;

    /** The workbench comes after the add-ons are made. */
    @Inject
    @Optional
    void listen(IWorkbench madeWorkbench) {
        if (workbench == null) {
            workbench = madeWorkbench;
            framework = (Framework) FrameworkUtil.getBundle(CloseOnSignalAddon.class).getBundleContext().getBundle(0);
            Runtime.getRuntime().addShutdownHook(hook);
        }
    }

    /** The workbench closed (Quit): nothing left to close at the end. */
    @PreDestroy
    void stopListening() {
        if (workbench == null) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException ending) {
            // the JVM is ending: the hook is what closed the workbench
        }
    }

    private void closeAndAwaitStop() {
        LOG.info("Asked to end: closing the window");
        try {
            ui.asyncExec(workbench::close);
            if (framework.waitForStop(PATIENCE.toMillis()).getType() == FrameworkEvent.WAIT_TIMEDOUT) {
                LOG.warn("The window did not close within {} s: ending without it", PATIENCE.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException closedMeanwhile) {
            LOG.debug("The window was closed already", closedMeanwhile);
        }
    }
}

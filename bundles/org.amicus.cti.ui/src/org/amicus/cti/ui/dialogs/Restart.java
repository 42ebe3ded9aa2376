package org.amicus.cti.ui.dialogs;

import org.eclipse.e4.ui.workbench.IWorkbench;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts the application again, as the settings need when the way of connecting changes. */
public final class Restart {

    private static final Logger LOG = LoggerFactory.getLogger(Restart.class);

    private Restart() {
    }

    /** Through the workbench; without one (a host that does not offer it), the change waits for the next start. */
    public static Runnable of(IWorkbench workbench) {
        return () -> {
            if (workbench == null || !workbench.restart()) {
                LOG.warn("Could not restart: the new way of connecting takes effect at the next start");
            }
        };
    }
}

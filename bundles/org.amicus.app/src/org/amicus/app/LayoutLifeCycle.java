package org.amicus.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;

import org.eclipse.e4.ui.workbench.lifecycle.PostContextCreate;
import org.eclipse.osgi.service.datalocation.Location;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's arrangement of parts is kept between starts (the workbench saves it as {@code workbench.xmi}), but only
 * while the application model it was made from is unchanged: after an upgrade that changes the model, the kept
 * arrangement would hide new parts or name missing ones, so the window starts from the new model's default instead.
 */
public class LayoutLifeCycle {

    private static final Logger LOG = LoggerFactory.getLogger(LayoutLifeCycle.class);
    /** Where the workbench keeps the arrangement, under the instance location. */
    static final Path SAVED_LAYOUT = Path.of(".metadata", ".plugins", "org.eclipse.e4.workbench", "workbench.xmi");
    /** The fingerprint of the model the saved arrangement was made from. */
    static final Path SAVED_FINGERPRINT = Path.of(".metadata", ".plugins", "org.amicus.app", "model.fingerprint");

    /** Runs before the workbench loads the saved arrangement. */
    @PostContextCreate
    public void forgetLayoutOfAnotherModel() throws IOException {
        Bundle bundle = FrameworkUtil.getBundle(LayoutLifeCycle.class);
        Path instance = instanceArea(bundle.getBundleContext());
        if (instance == null) {
            return; // no workspace: nothing is kept between starts
        }
        String fingerprint = ModelFingerprint.of(bundle, bundle.getBundleContext().getBundles());
        if (keepOnlyIfMadeFrom(instance, fingerprint)) {
            LOG.info("The application model changed since the last start: the window starts from its default layout");
        }
    }

    /**
     * Deletes the saved arrangement unless it was made from the model with this fingerprint, and records the
     * fingerprint for the next start. Returns whether one was deleted.
     */
    static boolean keepOnlyIfMadeFrom(Path instance, String fingerprint) throws IOException {
        Path layout = instance.resolve(SAVED_LAYOUT);
        Path saved = instance.resolve(SAVED_FINGERPRINT);
        boolean sameModel = Files.isRegularFile(saved) && Files.readString(saved).strip().equals(fingerprint);
        boolean deleted = !sameModel && Files.deleteIfExists(layout);
        Files.createDirectories(saved.getParent());
        Files.writeString(saved, fingerprint + "\n");
        return deleted;
    }

    private static Path instanceArea(BundleContext context) {
        try {
            Collection<ServiceReference<Location>> references = context.getServiceReferences(Location.class,
                    Location.INSTANCE_FILTER);
            for (ServiceReference<Location> reference : references) {
                Location location = context.getService(reference);
                try {
                    if (location != null && location.getURL() != null) {
                        return Path.of(location.getURL().getPath()); // a file: URL, spaces and all
                    }
                } finally {
                    context.ungetService(reference);
                }
            }
            return null;
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException("Cannot find the instance location", e);
        }
    }
}

package org.amicus.cti.ui.actions;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import org.amicus.cti.CtiActionContribution;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The {@link CtiActionContribution}s registered by other bundles (whiteboard), best ranked first. Outside an OSGi
 * framework (a part made on a plain class path) there are none.
 */
public final class Contributions implements AutoCloseable {

    private final ServiceTracker<CtiActionContribution, CtiActionContribution> tracker;

    public Contributions() {
        Bundle bundle = FrameworkUtil.getBundle(Contributions.class);
        tracker = bundle == null ? null
                : new ServiceTracker<>(bundle.getBundleContext(), CtiActionContribution.class, null);
        if (tracker != null) {
            tracker.open();
        }
    }

    /** Those registered now; the order of their service ranking. */
    public List<CtiActionContribution> current() {
        if (tracker == null) {
            return List.of();
        }
        // getServiceReferences is unordered; ServiceReference's natural order puts the best ranked last.
        var references = tracker.getServiceReferences();
        return references == null ? List.of()
                : Stream.of(references).sorted((a, b) -> b.compareTo(a)).map(tracker::getService)
                        .filter(Objects::nonNull).toList();
    }

    @Override
    public void close() {
        if (tracker != null) {
            tracker.close();
        }
    }
}

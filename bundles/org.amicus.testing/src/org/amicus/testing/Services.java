package org.amicus.testing;

import java.util.ArrayList;
import java.util.List;

import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * OSGi services for tests, as Declarative Services provides them, seen from the test's own bundle; trackers are closed
 * with {@link #close()}.
 */
public final class Services implements AutoCloseable {

    private final Class<?> test;
    private final List<ServiceTracker<?, ?>> trackers = new ArrayList<>();

    public Services(Class<?> test) {
        this.test = test;
    }

    /** The service, waiting up to 10 s for it to appear; fails if it does not. */
    public <T> T get(Class<T> type) throws InterruptedException {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(FrameworkUtil.getBundle(test).getBundleContext(), type,
                null);
        tracker.open();
        trackers.add(tracker);
        T service = tracker.waitForService(10_000);
        if (service == null) {
            throw new AssertionError("no " + type.getSimpleName() + " service: is Declarative Services running?");
        }
        return service;
    }

    @Override
    public void close() {
        trackers.forEach(ServiceTracker::close);
        trackers.clear();
    }
}

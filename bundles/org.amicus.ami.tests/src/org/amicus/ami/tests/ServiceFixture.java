package org.amicus.ami.tests;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.concurrent.TimeUnit;

import org.amicus.ami.AmiConnection;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/** The AMI connection service as OSGi Declarative Services provides it; disconnects it when closed. */
final class ServiceFixture implements AutoCloseable {

    private final ServiceTracker<AmiConnection, AmiConnection> tracker;
    final AmiConnection connection;

    ServiceFixture() throws Exception {
        Bundle bundle = FrameworkUtil.getBundle(getClass());
        assertNotNull(bundle, "must run inside OSGi");
        tracker = new ServiceTracker<>(bundle.getBundleContext(), AmiConnection.class, null);
        tracker.open();
        connection = tracker.waitForService(10_000);
        assertNotNull(connection, "no AmiConnection service: is Declarative Services running?");
    }

    @Override
    public void close() throws Exception {
        connection.disconnect().get(10, TimeUnit.SECONDS);
        tracker.close();
    }
}

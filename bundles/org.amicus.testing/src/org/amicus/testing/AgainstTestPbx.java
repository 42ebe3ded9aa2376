package org.amicus.testing;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.concurrent.TimeUnit;

import org.amicus.ami.AmiConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * A test of the AMI connection service, as OSGi Declarative Services provides it, against the real test PBX. Every
 * event the connection delivers is recorded in {@link #events}; the connection is closed after each test.
 */
public abstract class AgainstTestPbx {

    protected AmiConnection connection;
    protected final EventRecorder events = new EventRecorder();
    private ServiceTracker<AmiConnection, AmiConnection> tracker;

    @BeforeEach
    public void findService() throws Exception {
        Bundle bundle = FrameworkUtil.getBundle(getClass());
        assertNotNull(bundle, "must run inside OSGi");
        tracker = new ServiceTracker<>(bundle.getBundleContext(), AmiConnection.class, null);
        tracker.open();
        connection = tracker.waitForService(10_000);
        assertNotNull(connection, "no AmiConnection service: is Declarative Services running?");
        connection.addEventListener(events);
    }

    @AfterEach
    public void closeConnection() throws Exception {
        connection.removeEventListener(events);
        connection.disconnect().get(10, TimeUnit.SECONDS);
        tracker.close();
    }

    protected void connectWithFullRights() throws Exception {
        connection.connect(TestPbx.fullRights(), TestPbx.SECRET).get(15, TimeUnit.SECONDS);
    }
}

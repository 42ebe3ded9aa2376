package org.amicus.testing;

import java.util.concurrent.TimeUnit;

import org.amicus.ami.AmiConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A test of the AMI connection service, as OSGi Declarative Services provides it, against the real test PBX. Every
 * event the connection delivers is recorded in {@link #events}; the connection is closed after each test, and the
 * {@link #services} it looked up are released.
 */
public abstract class AgainstTestPbx {

    protected final Services services = new Services(getClass());
    protected final EventRecorder events = new EventRecorder();
    protected AmiConnection connection;

    @BeforeEach
    public void findService() throws Exception {
        connection = services.get(AmiConnection.class);
        connection.addEventListener(events);
    }

    @AfterEach
    public void closeConnection() throws Exception {
        connection.removeEventListener(events);
        connection.disconnect().get(10, TimeUnit.SECONDS);
        services.close();
    }

    protected void connectWithFullRights() throws Exception {
        connection.connect(TestPbx.fullRights(), TestPbx.SECRET).get(15, TimeUnit.SECONDS);
    }

    /** Connects as the desktop does, with no more rights than it needs. */
    protected void connectAsDesktop() throws Exception {
        connection.connect(TestPbx.desktop(), TestPbx.DESKTOP_SECRET).get(15, TimeUnit.SECONDS);
    }

    /** Connects as a desktop that records calls does: the desktop's rights and {@code system}. */
    protected void connectAsRecordingDesktop() throws Exception {
        connection.connect(TestPbx.recordingDesktop(), TestPbx.RECORDING_SECRET).get(15, TimeUnit.SECONDS);
    }
}

package org.amicus.reliability.tests;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.amicus.ami.AmiConnection;
import org.amicus.ami.ConnectionOptions;
import org.amicus.testing.EventRecorder;
import org.amicus.testing.Services;
import org.amicus.testing.StatusRecorder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A test of the AMI connection service, as OSGi Declarative Services provides it, against a {@link FakeAmiServer}
 * of its own. Its events and statuses are recorded; the connection is closed after each test.
 */
abstract class AgainstFakeServer {

    /** Quick to reconnect, so that tests of a reset connection need not wait. */
    static final ConnectionOptions QUICK = new ConnectionOptions(Duration.ofSeconds(5), Duration.ofMillis(20),
            Duration.ofMillis(200), ConnectionOptions.DEFAULT.eventQueueCapacity());
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    protected final Services services = new Services(getClass());
    protected final EventRecorder events = new EventRecorder();
    protected final StatusRecorder statuses = new StatusRecorder();
    protected FakeAmiServer fake;
    protected AmiConnection connection;

    @BeforeEach
    public void startFakeServer() throws Exception {
        fake = new FakeAmiServer();
        connection = services.get(AmiConnection.class);
        connection.addEventListener(events);
    }

    @AfterEach
    public void stopFakeServer() throws Exception {
        connection.removeStatusListener(statuses);
        connection.removeEventListener(events);
        connection.disconnect().get(10, TimeUnit.SECONDS);
        fake.close();
        services.close();
    }

    /** Connects to the fake server and starts recording statuses from there on. */
    protected void connect(ConnectionOptions options) throws Exception {
        connection.connect(fake.profile(), FakeAmiServer.SECRET, options).get(10, TimeUnit.SECONDS);
        connection.addStatusListener(statuses);
    }
}

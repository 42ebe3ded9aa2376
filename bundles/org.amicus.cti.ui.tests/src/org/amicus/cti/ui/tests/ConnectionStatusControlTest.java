package org.amicus.cti.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.amicus.ami.AmiConnection;
import org.amicus.ami.AmiProfile;
import org.amicus.cti.ui.parts.ConnectionStatusControl;
import org.amicus.cti.ui.parts.WidgetIds;
import org.eclipse.swt.widgets.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/** The trim's connection status follows the real connection service, connected to the real test PBX. */
class ConnectionStatusControlTest {

    private static final Duration UI_TIMEOUT = Duration.ofSeconds(10);
    private static final AmiProfile TEST_PBX = new AmiProfile("Test PBX",
            System.getProperty("amicus.test.ami.host", "127.0.0.1"), Integer.getInteger("amicus.test.ami.port", 5038),
            false, "amicus");

    private ServiceTracker<AmiConnection, AmiConnection> tracker;
    private AmiConnection connection;

    @BeforeEach
    void findService() throws Exception {
        Bundle bundle = FrameworkUtil.getBundle(getClass());
        bundle.start(Bundle.START_TRANSIENT);
        tracker = new ServiceTracker<>(bundle.getBundleContext(), AmiConnection.class, null);
        tracker.open();
        connection = tracker.waitForService(10_000);
        assertNotNull(connection, "no AmiConnection service: is Declarative Services running?");
    }

    @AfterEach
    void closeTracker() {
        tracker.close();
    }

    @Test
    void followsConnectAndDisconnect() throws Exception {
        try (UiHarness ui = new UiHarness()) {
            ui.context.set(AmiConnection.class, connection);
            ui.make(ConnectionStatusControl.class);
            Label status = ui.find(Label.class, WidgetIds.CONNECTION_STATUS);

            connection.connect(TEST_PBX, "amicus-secret");
            String connected = "Connected to amicus@" + TEST_PBX.host() + ":" + TEST_PBX.port();
            ui.spinUntil(() -> status.getText().equals(connected), UI_TIMEOUT);
            ui.screenshot("connection-status-connected");

            connection.disconnect().get(10, TimeUnit.SECONDS);
            ui.spinUntil(() -> status.getText().startsWith("Disconnected from"), UI_TIMEOUT);
            assertEquals("Disconnected from amicus@" + TEST_PBX.host() + ":" + TEST_PBX.port(), status.getText());
        }
    }
}

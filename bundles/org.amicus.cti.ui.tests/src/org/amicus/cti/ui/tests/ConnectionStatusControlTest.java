package org.amicus.cti.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.amicus.ami.AmiConnection;
import org.amicus.cti.ui.parts.ConnectionStatusControl;
import org.amicus.cti.ui.parts.WidgetIds;
import org.amicus.testing.AgainstTestPbx;
import org.amicus.testing.TestPbx;
import org.eclipse.swt.widgets.Label;
import org.junit.jupiter.api.Test;

/** The trim's connection status follows the real connection service, connected to the real test PBX. */
class ConnectionStatusControlTest extends AgainstTestPbx {

    private static final Duration UI_TIMEOUT = Duration.ofSeconds(10);

    @Test
    void followsConnectAndDisconnect() throws Exception {
        try (UiHarness ui = new UiHarness()) {
            ui.context.set(AmiConnection.class, connection);
            ui.make(ConnectionStatusControl.class);
            Label status = ui.find(Label.class, WidgetIds.CONNECTION_STATUS);
            String server = TestPbx.fullRights().server();

            connection.connect(TestPbx.fullRights(), TestPbx.SECRET);
            ui.spinUntil(() -> status.getText().equals("Connected to " + server), UI_TIMEOUT);
            ui.screenshot("connection-status-connected");

            connection.disconnect().get(10, TimeUnit.SECONDS);
            ui.spinUntil(() -> status.getText().startsWith("Disconnected from"), UI_TIMEOUT);
            assertEquals("Disconnected from " + server, status.getText());
        }
    }

    @Test
    void aFailedLoginShowsWhyButNeverTheSecret() throws Exception {
        String secret = "never-shown-" + UUID.randomUUID();
        try (UiHarness ui = new UiHarness()) {
            ui.context.set(AmiConnection.class, connection);
            ui.make(ConnectionStatusControl.class);
            Label status = ui.find(Label.class, WidgetIds.CONNECTION_STATUS);

            connection.connect(TestPbx.fullRights(), secret);
            ui.spinUntil(() -> status.getText().startsWith("Cannot connect to"), UI_TIMEOUT);
            assertTrue(status.getText().contains("wrong user name or secret"), status.getText());
            assertFalse(status.getText().contains(secret), status.getText());
            assertFalse(String.valueOf(status.getToolTipText()).contains(secret), status.getToolTipText());
        }
    }
}

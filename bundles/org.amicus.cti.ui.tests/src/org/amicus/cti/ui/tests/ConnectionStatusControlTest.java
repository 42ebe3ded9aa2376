package org.amicus.cti.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.amicus.ami.AmiConnection;
import org.amicus.ami.AmiProfile;
import org.amicus.ami.AmiProfiles;
import org.amicus.ami.AmiSecrets;
import org.amicus.ami.ConnectionOptions;
import org.amicus.cti.AgentProfile;
import org.amicus.cti.AgentProfiles;
import org.amicus.cti.hub.HubChoice;
import org.amicus.cti.hub.HubLogin;
import org.amicus.cti.ui.parts.ConnectionStatusControl;
import org.amicus.cti.ui.parts.WidgetIds;
import org.amicus.testing.AgainstTestPbx;
import org.amicus.testing.TcpProxy;
import org.amicus.testing.TestPbx;
import org.amicus.testing.ui.UiHarness;
import org.eclipse.e4.ui.workbench.IWorkbench;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.Test;

/** The trim's connection status, its Connect/Disconnect button and the settings, on the real test PBX. */
class ConnectionStatusControlTest extends AgainstTestPbx {

    private static final Duration UI_TIMEOUT = Duration.ofSeconds(10);

    private UiHarness trim(UiHarness ui) throws Exception {
        ui.context.set(AmiConnection.class, connection);
        ui.context.set(AmiProfiles.class, services.get(AmiProfiles.class));
        ui.context.set(AmiSecrets.class, services.get(AmiSecrets.class));
        ui.context.set(AgentProfiles.class, services.get(AgentProfiles.class));
        ui.make(ConnectionStatusControl.class);
        return ui;
    }

    @Test
    void followsConnectAndDisconnect() throws Exception {
        try (UiHarness ui = trim(new UiHarness(WidgetIds.KEY))) {
            Label status = ui.find(Label.class, WidgetIds.CONNECTION_STATUS);
            Button toggle = ui.find(Button.class, WidgetIds.CONNECTION_TOGGLE);
            String server = TestPbx.desktop().server();
            assertEquals("Connect", toggle.getText());

            connection.connect(TestPbx.desktop(), TestPbx.DESKTOP_SECRET);
            ui.spinUntil(() -> status.getText().equals("Connected to " + server), UI_TIMEOUT);
            assertEquals("Disconnect", toggle.getText());
            ui.screenshot("connection-status-connected");

            UiHarness.click(toggle);
            ui.spinUntil(() -> status.getText().startsWith("Disconnected from"), UI_TIMEOUT);
            assertEquals("Disconnected from " + server, status.getText());
            assertEquals("Connect", toggle.getText());
        }
    }

    @Test
    void countsDownToTheNextAttemptWhileReconnecting() throws Exception {
        ConnectionOptions slowRetry = new ConnectionOptions(Duration.ofSeconds(10), Duration.ofSeconds(3),
                Duration.ofSeconds(3), ConnectionOptions.DEFAULT.eventQueueCapacity());
        try (UiHarness ui = trim(new UiHarness(WidgetIds.KEY));
                TcpProxy proxy = new TcpProxy(TestPbx.HOST, TestPbx.PORT)) {
            Label status = ui.find(Label.class, WidgetIds.CONNECTION_STATUS);
            connection.connect(new AmiProfile("via proxy", "127.0.0.1", proxy.port(), false,
                    TestPbx.desktop().username()), TestPbx.DESKTOP_SECRET, slowRetry).get(15, TimeUnit.SECONDS);

            proxy.cut();
            ui.spinUntil(() -> status.getText().startsWith("Reconnecting to amicus-desktop@127.0.0.1:" + proxy.port()),
                    UI_TIMEOUT);
            ui.screenshot("connection-status-reconnecting");
            ui.spinUntil(() -> status.getText().endsWith("; next attempt in 1 s"), UI_TIMEOUT);
            ui.spinUntil(() -> status.getText().startsWith("Connected to"), UI_TIMEOUT);
        }
    }

    @Test
    void settingsValidateAsTheAgentTypesThenSaveAndConnect() throws Exception {
        AmiProfiles profiles = services.get(AmiProfiles.class);
        AmiSecrets secrets = services.get(AmiSecrets.class);
        AgentProfiles agents = services.get(AgentProfiles.class);
        AgentProfile savedAgent = agents.current();
        String name = "Test PBX " + UUID.randomUUID();
        try (UiHarness ui = trim(new UiHarness(WidgetIds.KEY))) {
            Label status = ui.find(Label.class, WidgetIds.CONNECTION_STATUS);
            ui.whenIdle(() -> {
                Button save = ui.find(Button.class, WidgetIds.SETTINGS_SAVE);
                Supplier<String> problem = () -> DialogProblem.of(ui.find(Shell.class, WidgetIds.SETTINGS));
                text(ui, WidgetIds.SETTINGS_HOST).setText(TestPbx.HOST);
                text(ui, WidgetIds.SETTINGS_USER).setText(TestPbx.desktop().username());
                text(ui, WidgetIds.SETTINGS_PORT).setText("70000");
                assertEquals("Port must be between 1 and 65535, not 70000", problem.get());
                assertFalse(save.getEnabled());
                text(ui, WidgetIds.SETTINGS_PORT).setText(String.valueOf(TestPbx.PORT));
                text(ui, WidgetIds.SETTINGS_DEVICE).setText("108");
                assertTrue(problem.get().startsWith("Device \"108\" is not valid"), problem.get());
                text(ui, WidgetIds.SETTINGS_DEVICE).setText("PJSIP/108");
                text(ui, WidgetIds.SETTINGS_CONTEXT).setText(TestPbx.CONTEXT);
                ui.find(Combo.class, WidgetIds.SETTINGS_PROFILE).setText(name);
                if (save.getEnabled()) { // a secret for this server may be stored already
                    assertEquals("", problem.get());
                }
                text(ui, WidgetIds.SETTINGS_SECRET).setText(TestPbx.DESKTOP_SECRET);
                assertEquals("", problem.get());
                assertTrue(save.getEnabled());
                ui.screenshot("settings-dialog");
                UiHarness.click(save);
            });
            UiHarness.click(ui.find(Button.class, WidgetIds.CONNECTION_SETTINGS));

            ui.spinUntil(() -> status.getText().equals("Connected to " + TestPbx.desktop().server()), UI_TIMEOUT);
            AmiProfile stored = profiles.current().orElseThrow();
            assertEquals(name, stored.name());
            assertEquals(Optional.of(TestPbx.DESKTOP_SECRET), secrets.find(stored));
            assertEquals("PJSIP/108", agents.current().device());

            Button toggle = ui.find(Button.class, WidgetIds.CONNECTION_TOGGLE);
            UiHarness.click(toggle);
            ui.spinUntil(() -> status.getText().startsWith("Disconnected from"), UI_TIMEOUT);
            UiHarness.click(toggle); // connects to the chosen profile with its stored secret
            ui.spinUntil(() -> status.getText().startsWith("Connected to"), UI_TIMEOUT);
        } finally {
            profiles.delete(name);
            agents.save(savedAgent);
        }
    }

    /**
     * An agent who pointed Amicus at a port that takes TCP and never answers TLS disconnects at once, then connects
     * to the right PBX through the settings, without a restart.
     */
    @Test
    void aDeadTlsServerCanBeLeftForTheRightPbxWithoutARestart() throws Exception {
        AmiProfiles profiles = services.get(AmiProfiles.class);
        AgentProfiles agents = services.get(AgentProfiles.class);
        AgentProfile savedAgent = agents.current();
        String name = "Right PBX " + UUID.randomUUID();
        try (UiHarness ui = trim(new UiHarness(WidgetIds.KEY)); ServerSocket dead = new ServerSocket(0, 5,
                InetAddress.getLoopbackAddress())) {
            Label status = ui.find(Label.class, WidgetIds.CONNECTION_STATUS);
            Button toggle = ui.find(Button.class, WidgetIds.CONNECTION_TOGGLE);
            connection.connect(new AmiProfile("Dead TLS", "localhost", dead.getLocalPort(), true, "amicus"), "x");
            Socket held = dead.accept(); // the login is under way, waiting for a handshake that never comes
            ui.spinUntil(() -> status.getText().startsWith("Connecting to"), UI_TIMEOUT);
            assertEquals("Disconnect", toggle.getText());

            UiHarness.click(toggle); // gives the login under way up (SessionThreadsTest shows it is not waited out)
            ui.spinUntil(() -> status.getText().startsWith("Disconnected from"), UI_TIMEOUT);
            held.close();

            ui.whenIdle(() -> {
                Button tls = ui.find(Button.class, WidgetIds.SETTINGS_TLS);
                assertTrue(tls.getSelection(), "the settings show the server last chosen, over TLS");
                UiHarness.click(tls);
                text(ui, WidgetIds.SETTINGS_HOST).setText(TestPbx.HOST);
                text(ui, WidgetIds.SETTINGS_PORT).setText(String.valueOf(TestPbx.PORT));
                text(ui, WidgetIds.SETTINGS_USER).setText("amicus");
                text(ui, WidgetIds.SETTINGS_DEVICE).setText("PJSIP/108");
                ui.find(Combo.class, WidgetIds.SETTINGS_PROFILE).setText(name);
                text(ui, WidgetIds.SETTINGS_SECRET).setText(TestPbx.SECRET);
                UiHarness.click(ui.find(Button.class, WidgetIds.SETTINGS_SAVE));
            });
            UiHarness.click(ui.find(Button.class, WidgetIds.CONNECTION_SETTINGS));
            ui.spinUntil(() -> status.getText().equals("Connected to " + TestPbx.fullRights().server()), UI_TIMEOUT);
        } finally {
            profiles.delete(name);
            agents.save(savedAgent);
        }
    }

    /**
     * An agent of a contact centre switches to the hub: the PBX's fields step aside, the hub's are checked as typed,
     * the password goes to secure storage, and the button says the application starts again, which it then asks of
     * the workbench (here a stand-in that only counts: the test cannot restart its own runtime).
     */
    @Test
    void theSettingsChooseTheHubAndRestartToConnectThroughIt() throws Exception {
        HubChoice choice = services.get(HubChoice.class);
        AgentProfiles agents = services.get(AgentProfiles.class);
        AgentProfile savedAgent = agents.current();
        Path trusted = Files.writeString(Files.createTempFile("hub-ca", ".pem"), "a PEM file");
        AtomicInteger restarts = new AtomicInteger();
        IWorkbench workbench = (IWorkbench) Proxy.newProxyInstance(IWorkbench.class.getClassLoader(),
                new Class<?>[] { IWorkbench.class }, (proxy, method, args) -> {
                    if (method.getName().equals("restart")) {
                        restarts.incrementAndGet();
                        return true;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        try (UiHarness ui = new UiHarness(WidgetIds.KEY)) {
            ui.context.set(HubChoice.class, choice);
            ui.context.set(IWorkbench.class, workbench);
            trim(ui);
            ui.whenIdle(() -> {
                Button save = ui.find(Button.class, WidgetIds.SETTINGS_SAVE);
                Supplier<String> problem = () -> DialogProblem.of(ui.find(Shell.class, WidgetIds.SETTINGS));
                assertTrue(ui.find(Button.class, WidgetIds.SETTINGS_DIRECT).getSelection());
                assertFalse(text(ui, WidgetIds.SETTINGS_HUB_SERVERS).getEnabled());
                UiHarness.click(ui.find(Button.class, WidgetIds.SETTINGS_THROUGH_HUB));
                assertFalse(text(ui, WidgetIds.SETTINGS_HOST).getEnabled(), "the PBX's fields step aside");
                assertFalse(text(ui, WidgetIds.SETTINGS_DEVICE).getEnabled(), "the roster gives my phone");
                text(ui, WidgetIds.SETTINGS_HUB_SERVERS).setText("hub.example.com:4222");
                assertEquals("Name the hub's NATS servers as nats://host:port or tls://host:port, separated by "
                        + "commas", problem.get());
                text(ui, WidgetIds.SETTINGS_HUB_SERVERS).setText("nats://127.0.0.1:4222, tls://127.0.0.1:4223");
                text(ui, WidgetIds.SETTINGS_HUB_USER).setText("Sam");
                assertTrue(problem.get().startsWith("The hub user is lower-case letters"), problem.get());
                text(ui, WidgetIds.SETTINGS_HUB_USER).setText("sam");
                assertEquals("Enter the hub password of sam", problem.get());
                assertFalse(save.getEnabled());
                text(ui, WidgetIds.SETTINGS_HUB_PASSWORD).setText("sam-password-for-tests");
                assertEquals("", problem.get());
                text(ui, WidgetIds.SETTINGS_HUB_CERTIFICATE).setText("/nowhere/hub-ca.pem");
                assertEquals("The trusted certificate /nowhere/hub-ca.pem is not a file that can be read",
                        problem.get());
                text(ui, WidgetIds.SETTINGS_HUB_CERTIFICATE).setText(trusted.toString());
                assertEquals("", problem.get());
                assertEquals("Save and restart", save.getText());
                ui.screenshot("settings-hub");
                UiHarness.click(save);
            });
            UiHarness.click(ui.find(Button.class, WidgetIds.CONNECTION_SETTINGS));

            ui.spinUntil(() -> restarts.get() == 1, UI_TIMEOUT);
            assertEquals(Optional.of(new HubLogin(List.of("nats://127.0.0.1:4222", "tls://127.0.0.1:4223"), "sam",
                    "sam-password-for-tests", Optional.of(trusted))), choice.hub());
        } finally {
            choice.useDirect();
            agents.save(savedAgent);
        }
        assertEquals(Optional.empty(), choice.hub(), "the direct mode again, the password forgotten");
    }

    private static Text text(UiHarness ui, String id) {
        return ui.find(Text.class, id);
    }

    @Test
    void aFailedLoginShowsWhyButNeverTheSecret() throws Exception {
        String secret = "never-shown-" + UUID.randomUUID();
        try (UiHarness ui = trim(new UiHarness(WidgetIds.KEY))) {
            Label status = ui.find(Label.class, WidgetIds.CONNECTION_STATUS);

            connection.connect(TestPbx.desktop(), secret);
            ui.spinUntil(() -> status.getText().startsWith("Cannot connect to"), UI_TIMEOUT);
            assertTrue(status.getText().contains("wrong user name or secret"), status.getText());
            assertFalse(status.getText().contains(secret), status.getText());
            assertFalse(String.valueOf(status.getToolTipText()).contains(secret), status.getToolTipText());
        }
    }
}

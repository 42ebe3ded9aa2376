package org.amicus.cti.ui.parts;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import org.amicus.ami.AmiConnection;
import org.amicus.ami.AmiProfile;
import org.amicus.ami.AmiProfiles;
import org.amicus.ami.AmiSecrets;
import org.amicus.ami.ConnectionState;
import org.amicus.ami.ConnectionStatus;
import org.amicus.ami.ConnectionStatusListener;
import org.amicus.cti.AgentProfiles;
import org.amicus.cti.hub.HubChoice;
import org.amicus.cti.hub.HubStatus;
import org.amicus.cti.hub.HubStatusListener;
import org.amicus.cti.hub.Identity;
import org.amicus.cti.ui.Messages;
import org.amicus.cti.ui.dialogs.Restart;
import org.amicus.cti.ui.dialogs.SettingsDialog;
import org.eclipse.e4.core.services.nls.Translation;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.workbench.IWorkbench;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * The connection to the PBX in the window's trim: its state and server, a countdown while it reconnects, a button to
 * connect or disconnect, and the settings. In hub mode: whether the hub serves, and as whom; the hub's connection
 * keeps itself up, so there is no button for it.
 */
public class ConnectionStatusControl {

    private static final int COUNTDOWN_MILLIS = 1000;

    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    AmiConnection connection;

    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    AmiProfiles profiles;

    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    AmiSecrets secrets;

    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    AgentProfiles agents;

    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    HubStatus hub;

    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    HubChoice hubChoice;

    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    IWorkbench workbench;

    @Inject
    UISynchronize uiSync;

    @Inject
    @Translation
    Messages messages;

    private Label label;
    private Button toggle;
    private ConnectionStatus shown = ConnectionStatus.INITIAL;
    private final ConnectionStatusListener listener = status -> uiSync.asyncExec(() -> show(status));
    private final HubStatusListener hubListener = status -> uiSync.asyncExec(this::showHub);

    @PostConstruct
    public void createControls(Composite parent) {
        parent.setLayout(new GridLayout(3, false));
        label = new Label(parent, SWT.NONE);
        label.setData(WidgetIds.KEY, WidgetIds.CONNECTION_STATUS);
        toggle = new Button(parent, SWT.PUSH);
        toggle.setData(WidgetIds.KEY, WidgetIds.CONNECTION_TOGGLE);
        toggle.addListener(SWT.Selection, event -> toggle());
        Button settings = new Button(parent, SWT.PUSH);
        settings.setText(messages.connectionSettings);
        settings.setData(WidgetIds.KEY, WidgetIds.CONNECTION_SETTINGS);
        settings.addListener(SWT.Selection, event -> openSettings());
        Accessibility.describe(label, messages.connectionStatusName, label::getText);
        Accessibility.describe(toggle, messages.connectionToggleName,
                () -> toggle.getText().equals(messages.connect) ? messages.connectPbx : messages.disconnectPbx);
        Accessibility.describe(settings, messages.settingsName, messages.settingsDescription);
        if (hub != null) {
            toggle.setVisible(false);
            settings.setEnabled(profiles != null && secrets != null && agents != null);
            showHub();
            hub.addListener(hubListener);
        } else if (connection == null || profiles == null || secrets == null || agents == null) {
            label.setText(messages.amiMissing);
            toggle.setVisible(false);
            settings.setEnabled(false);
        } else {
            show(connection.status());
            connection.addStatusListener(listener);
        }
    }

    @PreDestroy
    public void dispose() {
        if (hub != null) {
            hub.removeListener(hubListener);
        } else if (connection != null) {
            connection.removeStatusListener(listener);
        }
    }

    private void show(ConnectionStatus status) {
        if (label.isDisposed()) {
            return;
        }
        boolean countdownRunning = shown.nextAttempt() != null;
        shown = status;
        label.setText(status.describe(Locale.getDefault()));
        label.setForeground(colourOf(status.state(), StateColours.on(label)));
        boolean active = status.state() != ConnectionState.DISCONNECTED && status.state() != ConnectionState.FAILED;
        toggle.setText(active ? messages.disconnect : messages.connect);
        label.requestLayout();
        if (status.nextAttempt() != null && !countdownRunning) {
            label.getDisplay().timerExec(untilOneSecondLess(status.nextAttempt()), this::countDown);
        }
    }

    private void showHub() {
        if (label.isDisposed()) {
            return;
        }
        Locale locale = Locale.getDefault();
        Optional<Identity> me = hub.identity();
        label.setText(hub.problem(locale).orElseGet(() -> me.map(this::serving).orElse("")));
        label.setForeground(hub.available() ? StateColours.on(label).connected() : StateColours.on(label).failed());
        label.requestLayout();
    }

    private String serving(Identity me) {
        String[] roles = Messages.list(messages.hubRoles);
        String role = switch (me.role()) {
            case "agent" -> roles[0];
            case "supervisor" -> roles[1];
            default -> me.role();
        };
        return Messages.format(messages.hubServing, me.user(), role, me.phone());
    }

    /** While a reconnect is due, the line counts down to it, second by second. */
    private void countDown() {
        if (!label.isDisposed() && shown.nextAttempt() != null) {
            label.setText(shown.describe(Locale.getDefault()));
            label.requestLayout();
            label.getDisplay().timerExec(untilOneSecondLess(shown.nextAttempt()), this::countDown);
        }
    }

    /**
     * Milliseconds until the whole seconds left to the attempt go down by one, when the line is to change: a tick
     * every second from the last would drift by each tick's lateness and could skip a second; once the attempt is due,
     * a second, until the connection's next status ends the countdown.
     */
    private static int untilOneSecondLess(Instant attempt) {
        long left = Duration.between(Instant.now(), attempt).toMillis();
        return left <= 0 ? COUNTDOWN_MILLIS : (int) ((left - 1) % COUNTDOWN_MILLIS) + 1;
    }

    private void toggle() {
        ConnectionState state = connection.status().state();
        if (state != ConnectionState.DISCONNECTED && state != ConnectionState.FAILED) {
            connection.disconnect();
            return;
        }
        Optional<AmiProfile> profile = profiles.current().or(() -> Optional.ofNullable(shown.profile()));
        Optional<String> secret = profile.flatMap(secrets::find);
        if (secret.isEmpty()) {
            openSettings(); // nothing to connect with yet: the settings say what is missing
            return;
        }
        connection.connect(profile.get(), secret.get()); // failures show in the status line
    }

    private void openSettings() {
        new SettingsDialog(label.getShell(), profiles, secrets, agents, connection, hubChoice, hub != null,
                Restart.of(workbench), messages).open();
    }

    /** {@code null}: the theme's own colour. */
    private static Color colourOf(ConnectionState state, StateColours colours) {
        return switch (state) {
            case CONNECTED -> colours.connected();
            case CONNECTING, RECONNECTING -> colours.connecting();
            case FAILED -> colours.failed();
            case DISCONNECTED -> null;
        };
    }
}

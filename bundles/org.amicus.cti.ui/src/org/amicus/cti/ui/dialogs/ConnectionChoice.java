package org.amicus.cti.ui.dialogs;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.amicus.cti.hub.HubChoice;
import org.amicus.cti.hub.HubLogin;
import org.amicus.cti.hub.HubSubjects;
import org.amicus.cti.ui.Messages;
import org.amicus.cti.ui.parts.WidgetIds;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Text;

/**
 * The settings' choice of how this desktop connects: directly to the PBX, or through the contact centre's hub (its
 * NATS servers, the user, the password, which goes to secure storage, and the certificate TLS to them trusts, if not
 * the JVM's). The mode is chosen at start, so a changed
 * choice takes a restart.
 */
final class ConnectionChoice {

    private static final Set<String> SCHEMES = Set.of("nats", "tls");

    private final HubChoice choice;
    private final boolean hubRunning;
    private final Optional<HubLogin> saved;
    private final Messages messages;
    private final Button direct;
    private final Button throughHub;
    private final Text servers;
    private final Text user;
    private final Text password;
    private final Text certificate;

    /**
     * @param hubRunning whether this desktop runs in hub mode now
     * @param changed    run whenever the choice or a field changes
     */
    ConnectionChoice(Composite form, Messages messages, HubChoice choice, boolean hubRunning, Runnable changed) {
        this.choice = choice;
        this.hubRunning = hubRunning;
        this.messages = messages;
        saved = choice.hub();
        Group group = new Group(form, SWT.NONE);
        group.setText(messages.settingsConnection);
        group.setLayout(new GridLayout(2, false));
        group.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, false));
        direct = radio(group, messages.settingsDirect, WidgetIds.SETTINGS_DIRECT);
        throughHub = radio(group, messages.settingsThroughHub, WidgetIds.SETTINGS_THROUGH_HUB);
        servers = SettingsDialog.text(group, messages.settingsHubServers, WidgetIds.SETTINGS_HUB_SERVERS, SWT.NONE);
        servers.setMessage(messages.settingsHubServersHint);
        user = SettingsDialog.text(group, messages.settingsUser, WidgetIds.SETTINGS_HUB_USER, SWT.NONE);
        password = SettingsDialog.text(group, messages.settingsHubPassword, WidgetIds.SETTINGS_HUB_PASSWORD,
                SWT.PASSWORD);
        certificate = SettingsDialog.text(group, messages.settingsCertificate, WidgetIds.SETTINGS_HUB_CERTIFICATE,
                SWT.NONE);
        certificate.setMessage(messages.settingsHubCertificateHint);
        throughHub.setSelection(saved.isPresent());
        direct.setSelection(saved.isEmpty());
        saved.ifPresent(login -> {
            servers.setText(String.join(", ", login.servers()));
            user.setText(login.user());
            certificate.setText(login.certificate().map(Path::toString).orElse(""));
        });
        for (Control input : new Control[] { direct, throughHub }) {
            input.addListener(SWT.Selection, event -> changed.run());
        }
        for (Control input : new Control[] { servers, user, password, certificate }) {
            input.addListener(SWT.Modify, event -> changed.run());
        }
    }

    private static Button radio(Group group, String text, String id) {
        Button radio = new Button(group, SWT.RADIO);
        radio.setText(text);
        radio.setData(WidgetIds.KEY, id);
        radio.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        return radio;
    }

    boolean throughHub() {
        return throughHub.getSelection();
    }

    /** Shows the hub's fields as usable only when the hub is chosen; says whether the password is stored. */
    void update() {
        for (Text field : new Text[] { servers, user, password, certificate }) {
            field.setEnabled(throughHub());
        }
        password.setMessage(storedPassword().isPresent() ? messages.settingsSecretUnchanged : "");
    }

    /** The hub as entered; fails with what is wrong, in the agent's language. */
    HubLogin login() {
        List<String> urls = Arrays.stream(servers.getText().split(",")).map(String::strip)
                .filter(url -> !url.isEmpty()).toList();
        if (urls.isEmpty() || !urls.stream().allMatch(ConnectionChoice::isServer)) {
            throw new IllegalArgumentException(messages.settingsHubServersProblem);
        }
        String name = user.getText().strip();
        if (!HubSubjects.NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(messages.settingsHubUserProblem);
        }
        String typed = password.getText();
        Optional<String> secret = typed.isEmpty() ? storedPassword() : Optional.of(typed);
        if (secret.isEmpty()) {
            throw new IllegalArgumentException(Messages.format(messages.settingsHubEnterPassword, name));
        }
        String trusted = certificate.getText().strip();
        if (!trusted.isEmpty() && !Files.isReadable(Path.of(trusted))) {
            throw new IllegalArgumentException(Messages.format(messages.settingsHubCertificateProblem, trusted));
        }
        return new HubLogin(urls, name, secret.get(), Optional.of(trusted).filter(path -> !path.isEmpty())
                .map(Path::of));
    }

    /** The stored password, for the same hub user only. */
    private Optional<String> storedPassword() {
        return saved.filter(login -> login.user().equals(user.getText().strip())).map(HubLogin::password)
                .filter(stored -> !stored.isEmpty());
    }

    private static boolean isServer(String url) {
        try {
            URI uri = new URI(url);
            return SCHEMES.contains(uri.getScheme()) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** Whether saving this choice takes a restart: the mode or the hub differs from the one running now. */
    boolean needsRestart() {
        if (!throughHub()) {
            return hubRunning;
        }
        return !hubRunning || !saved.equals(Optional.of(login()));
    }

    void save() {
        if (throughHub()) {
            choice.useHub(login());
        } else if (saved.isPresent()) {
            choice.useDirect();
        }
    }
}

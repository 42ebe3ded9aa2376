package org.amicus.cti.ui.dialogs;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

import org.amicus.ami.AmiConnection;
import org.amicus.ami.AmiProfile;
import org.amicus.ami.AmiProfiles;
import org.amicus.ami.AmiSecrets;
import org.amicus.cti.AgentProfile;
import org.amicus.cti.AgentProfiles;
import org.amicus.cti.AutoAnswer;
import org.amicus.cti.hub.HubChoice;
import org.amicus.cti.ui.Appearance;
import org.amicus.cti.ui.Messages;
import org.amicus.cti.ui.parts.Failures;
import org.amicus.cti.ui.parts.WidgetIds;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.osgi.service.prefs.BackingStoreException;

/**
 * The settings: how to connect ({@link ConnectionChoice}: directly, or through the hub), which PBX to connect to and
 * as whom (the secret goes to secure storage, never to preferences), and my phone. Says what is wrong as the agent
 * types; "Save and connect" stays disabled until all is well.
 */
public final class SettingsDialog extends AmicusDialog {

    /** In the order of {@link Messages#settingsAutoAnswerChoices}. */
    private static final AutoAnswer[] AUTO_ANSWERS = { AutoAnswer.CALL_INFO, AutoAnswer.SIP_ADD_HEADER,
            AutoAnswer.NONE };

    private final AmiProfiles profiles;
    private final AmiSecrets secrets;
    private final AgentProfiles agents;
    private final AmiConnection connection;
    private final HubChoice hubChoice;
    private final boolean hubRunning;
    private final Runnable restart;
    private ConnectionChoice connectionChoice;
    private Group pbx;
    private Combo profileName;
    private Text host;
    private Text port;
    private Button tls;
    private Text user;
    private Text secret;
    private Text certificate;
    private Text device;
    private Combo autoAnswer;
    private Text dialContext;
    private Text callerId;
    private Text ringSeconds;

    /**
     * @param hubChoice  how the desktop connects from its next start; {@code null} offers the direct mode alone
     * @param hubRunning whether the desktop runs in hub mode now
     * @param restart    starts the application again, to connect as newly chosen
     */
    public SettingsDialog(Shell parent, AmiProfiles profiles, AmiSecrets secrets, AgentProfiles agents,
            AmiConnection connection, HubChoice hubChoice, boolean hubRunning, Runnable restart, Messages messages) {
        super(parent, messages, messages.settingsTitle, messages.settingsPurpose, WidgetIds.SETTINGS,
                messages.settingsSave, WidgetIds.SETTINGS_SAVE);
        this.profiles = profiles;
        this.secrets = secrets;
        this.agents = agents;
        this.connection = connection;
        this.hubChoice = hubChoice;
        this.hubRunning = hubRunning;
        this.restart = restart;
    }

    @Override
    protected boolean isResizable() {
        return true;
    }

    @Override
    protected Control createForm(Composite form) {
        if (hubChoice != null) {
            connectionChoice = new ConnectionChoice(form, messages, hubChoice, hubRunning, this::validate);
        }
        pbx = group(form, messages.settingsPbx);
        profileName = new Combo(pbx, SWT.DROP_DOWN);
        field(pbx, messages.settingsProfile, profileName, WidgetIds.SETTINGS_PROFILE);
        profiles.all().forEach(profile -> profileName.add(profile.name()));
        host = text(pbx, messages.settingsHost, WidgetIds.SETTINGS_HOST, SWT.NONE);
        port = text(pbx, messages.settingsPort, WidgetIds.SETTINGS_PORT, SWT.NONE);
        tls = new Button(pbx, SWT.CHECK);
        tls.setText(messages.settingsTls);
        field(pbx, "", tls, WidgetIds.SETTINGS_TLS);
        user = text(pbx, messages.settingsUser, WidgetIds.SETTINGS_USER, SWT.NONE);
        secret = text(pbx, messages.settingsSecret, WidgetIds.SETTINGS_SECRET, SWT.PASSWORD);
        certificate = text(pbx, messages.settingsCertificate, WidgetIds.SETTINGS_CERTIFICATE, SWT.NONE);
        certificate.setMessage(messages.settingsCertificateHint);

        Group phone = group(form, messages.settingsMyPhone);
        device = text(phone, messages.settingsDevice, WidgetIds.SETTINGS_DEVICE, SWT.NONE);
        device.setMessage(messages.settingsDeviceHint);
        autoAnswer = new Combo(phone, SWT.DROP_DOWN | SWT.READ_ONLY);
        autoAnswer.setItems(Messages.list(messages.settingsAutoAnswerChoices));
        field(phone, messages.settingsAutoAnswer, autoAnswer, WidgetIds.SETTINGS_AUTO_ANSWER);
        dialContext = text(phone, messages.settingsDialContext, WidgetIds.SETTINGS_CONTEXT, SWT.NONE);
        callerId = text(phone, messages.settingsCallerId, WidgetIds.SETTINGS_CALLER_ID, SWT.NONE);
        callerId.setMessage(messages.settingsCallerIdHint);
        ringSeconds = text(phone, messages.settingsRingSeconds, WidgetIds.SETTINGS_RING_SECONDS, SWT.NONE);
        if (Appearance.offered()) {
            themeChoice(group(form, messages.settingsAppearance));
        }

        show(profiles.current().or(() -> connectedProfile()).orElse(null));
        showAgent(agents.current());
        profileName.addListener(SWT.Selection, event -> profiles.find(profileName.getText()).ifPresent(this::show));
        tls.addListener(SWT.Selection, event -> switchDefaultPort());
        for (Control input : new Control[] { profileName, host, port, user, secret, certificate, device, dialContext,
                callerId, ringSeconds }) {
            input.addListener(SWT.Modify, event -> validate());
        }
        autoAnswer.addListener(SWT.Selection, event -> validate());
        return profileName;
    }

    private Optional<AmiProfile> connectedProfile() {
        return Optional.ofNullable(connection == null ? null : connection.status().profile());
    }

    private static Group group(Composite form, String title) {
        Group group = new Group(form, SWT.NONE);
        group.setText(title);
        group.setLayout(new GridLayout(2, false));
        group.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, false));
        return group;
    }

    /** The theme changes as soon as it is chosen, whether or not the rest can be saved. */
    private void themeChoice(Group appearance) {
        Combo theme = new Combo(appearance, SWT.DROP_DOWN | SWT.READ_ONLY);
        Arrays.stream(Appearance.values()).forEach(choice -> theme.add(choice.label(messages)));
        theme.select(Appearance.chosen().ordinal());
        field(appearance, messages.settingsTheme, theme, WidgetIds.SETTINGS_THEME);
        theme.addListener(SWT.Selection, event -> {
            try {
                Appearance.values()[theme.getSelectionIndex()].choose();
            } catch (BackingStoreException e) {
                setErrorMessage(Messages.format(messages.settingsCannotKeepTheme, Failures.message(e)));
            }
        });
    }

    static Text text(Composite parent, String label, String id, int style) {
        Text text = new Text(parent, SWT.BORDER | SWT.SINGLE | style);
        field(parent, label, text, id);
        return text;
    }

    private static void field(Composite parent, String label, Control input, String id) {
        Label name = new Label(parent, SWT.NONE);
        name.setText(label);
        name.moveAbove(input);
        GridData layout = new GridData(SWT.FILL, SWT.CENTER, true, false);
        layout.widthHint = 300;
        input.setLayoutData(layout);
        input.setData(WidgetIds.KEY, id);
    }

    private void show(AmiProfile profile) {
        profileName.setText(profile == null ? messages.settingsDefaultProfile : profile.name());
        host.setText(profile == null ? "" : profile.host());
        port.setText(String.valueOf(profile == null ? 5038 : profile.port()));
        tls.setSelection(profile != null && profile.tls());
        user.setText(profile == null ? "" : profile.username());
        certificate.setText(profile == null || profile.trustedCertificate() == null ? ""
                : profile.trustedCertificate());
        secret.setText("");
    }

    private void showAgent(AgentProfile agent) {
        device.setText(agent.device());
        autoAnswer.select(Arrays.asList(AUTO_ANSWERS).indexOf(agent.autoAnswer()));
        dialContext.setText(agent.dialContext());
        callerId.setText(agent.callerId());
        ringSeconds.setText(String.valueOf(agent.originateTimeout().toSeconds()));
    }

    private void switchDefaultPort() {
        if (tls.getSelection() && port.getText().equals("5038")) {
            port.setText("5039");
        } else if (!tls.getSelection() && port.getText().equals("5039")) {
            port.setText("5038");
        }
    }

    /**
     * What the fields say, or why they say nothing that can be saved.
     *
     * @param typedSecret the secret typed, empty to keep the stored one
     * @param secret      the secret to connect with: the one typed, else the stored one
     */
    private record Entered(AmiProfile profile, AgentProfile agent, String typedSecret, String secret) {
    }

    private Entered entered(Optional<String> storedSecret) {
        AmiProfile profile = new AmiProfile(profileName.getText().strip(), host.getText().strip(),
                number(messages.settingsPortName, port.getText()), tls.getSelection(), user.getText().strip(),
                certificate.getText().isBlank() ? null : certificate.getText().strip());
        if (profile.name().contains("/")) {
            throw new IllegalArgumentException(messages.settingsNoSlash);
        }
        AgentProfile agent = enteredAgent();
        String typed = secret.getText();
        if (typed.isEmpty() && storedSecret.isEmpty()) {
            throw new IllegalArgumentException(Messages.format(messages.settingsEnterSecret, profile.username()));
        }
        if (typed.chars().anyMatch(c -> c < 0x20)) {
            throw new IllegalArgumentException(messages.settingsSecretOneLine);
        }
        return new Entered(profile, agent, typed, typed.isEmpty() ? storedSecret.get() : typed);
    }

    private AgentProfile enteredAgent() {
        return new AgentProfile(device.getText().strip(), AUTO_ANSWERS[autoAnswer.getSelectionIndex()],
                dialContext.getText().strip(), Duration.ofSeconds(number(messages.settingsRingTimeName, ringSeconds.getText())),
                callerId.getText().strip());
    }

    private boolean throughHub() {
        return connectionChoice != null && connectionChoice.throughHub();
    }

    private int number(String what, String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(Messages.format(messages.settingsWholeNumber, what, text.strip()));
        }
    }

    @Override
    protected void validate() {
        boolean hub = throughHub();
        Arrays.stream(pbx.getChildren()).forEach(control -> control.setEnabled(!hub));
        device.setEnabled(!hub);   // the hub's roster gives my phone
        if (connectionChoice != null) {
            connectionChoice.update();
        }
        try {
            if (hub) {
                enteredAgent();
                connectionChoice.login();
            } else {
                Optional<String> stored = storedSecret(); // read once per keystroke: secure storage decrypts
                secret.setMessage(stored.isPresent() ? messages.settingsSecretUnchanged : "");
                entered(stored);
            }
            okLabel(connectionChoice != null && connectionChoice.needsRestart() ? messages.settingsSaveRestart
                    : messages.settingsSave);
            problem(Optional.empty());
        } catch (IllegalArgumentException e) {
            problem(Optional.of(capitalised(e.getLocalizedMessage())));
        }
    }

    /** The secret stored for the server and user in the fields, if any: the profile's name plays no part. */
    private Optional<String> storedSecret() {
        try {
            return secrets.find(new AmiProfile("-", host.getText().strip(), number(messages.settingsPortName, port.getText()),
                    tls.getSelection(), user.getText().strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /**
     * Saves and connects, or starts again to connect in the mode newly chosen; a failure to save is said in the title
     * area, and the dialog stays.
     */
    @Override
    protected void okPressed() {
        Entered entered = null;
        boolean restarting;
        try {
            restarting = connectionChoice != null && connectionChoice.needsRestart();
            if (throughHub()) {
                agents.save(enteredAgent());
            } else {
                entered = entered(storedSecret());
                profiles.save(entered.profile());
                profiles.makeCurrent(entered.profile().name());
                if (!entered.typedSecret().isEmpty()) {
                    secrets.save(entered.profile(), entered.typedSecret());
                }
                agents.save(entered.agent());
            }
            if (connectionChoice != null) {
                connectionChoice.save();
            }
        } catch (RuntimeException e) {
            setErrorMessage(Messages.format(messages.settingsCannotSave, Failures.message(e)));
            return;
        }
        super.okPressed();
        if (restarting) {
            restart.run();
        } else if (entered != null) {
            connection.connect(entered.profile(), entered.secret()); // the trim shows how it goes
        }
    }
}

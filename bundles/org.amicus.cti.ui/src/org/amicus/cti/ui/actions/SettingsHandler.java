package org.amicus.cti.ui.actions;

import org.amicus.ami.AmiConnection;
import org.amicus.ami.AmiProfiles;
import org.amicus.ami.AmiSecrets;
import org.amicus.cti.AgentProfiles;
import org.amicus.cti.hub.HubChoice;
import org.amicus.cti.hub.HubStatus;
import org.amicus.cti.ui.Messages;
import org.amicus.cti.ui.dialogs.Restart;
import org.amicus.cti.ui.dialogs.SettingsDialog;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.nls.Translation;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.e4.ui.workbench.IWorkbench;
import org.eclipse.swt.widgets.Shell;

import jakarta.inject.Named;

/** Opens the {@link SettingsDialog}. */
public class SettingsHandler {

    @Execute
    public void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, AmiProfiles profiles, AmiSecrets secrets,
            AgentProfiles agents, AmiConnection connection, @Optional HubChoice hubChoice, @Optional HubStatus hub,
            @Optional IWorkbench workbench, @Translation Messages messages) {
        new SettingsDialog(shell, profiles, secrets, agents, connection, hubChoice, hub != null,
                Restart.of(workbench), messages).open();
    }
}

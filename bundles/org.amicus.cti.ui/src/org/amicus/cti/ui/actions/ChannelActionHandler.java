package org.amicus.cti.ui.actions;

import org.amicus.cti.ui.parts.ChannelsPart;
import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.services.IServiceConstants;

import jakarta.inject.Named;

/**
 * The handler of the {@link ChannelAction#COMMAND_ID channel action command} (key bindings, menus of a workstation):
 * takes the action in the active Channels part. It runs whenever that part is active, so that a key pressed for an
 * action that cannot be taken says why instead of doing nothing.
 */
public class ChannelActionHandler {

    @CanExecute
    public boolean canExecute(@Optional @Named(IServiceConstants.ACTIVE_PART) MPart part) {
        return part != null && part.getObject() instanceof ChannelsPart;
    }

    @Execute
    public void execute(@Named(ChannelAction.PARAMETER_ID) String action,
            @Optional @Named(IServiceConstants.ACTIVE_PART) MPart part) {
        if (part != null && part.getObject() instanceof ChannelsPart channels) {
            channels.run(ChannelAction.ofParameter(action));
        }
    }
}

package org.amicus.cti.ui.actions;

import org.amicus.cti.ui.parts.ChannelsPart;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;

/**
 * Brings the Channels part to the front: the one the application model already has, else a new one from Amicus's
 * part descriptor, which is how a workstation that knows nothing of Amicus gets it.
 */
public class ShowChannelsHandler {

    private static final String DESCRIPTOR_ID = "org.amicus.cti.ui.partdescriptor.channels";
    private static final String CHANNELS_CLASS = "bundleclass://org.amicus.cti.ui/" + ChannelsPart.class.getName();

    @Execute
    public void execute(EPartService parts) {
        MPart channels = parts.getParts().stream().filter(part -> CHANNELS_CLASS.equals(part.getContributionURI()))
                .findFirst().orElseGet(() -> parts.createPart(DESCRIPTOR_ID));
        parts.showPart(channels, PartState.ACTIVATE);
    }
}

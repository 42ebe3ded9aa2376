package org.amicus.cti.ui.actions;

import org.amicus.cti.ui.parts.ChannelsPart;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.workbench.modeling.EPartService;

/** Brings the Channels part to the front, making it if the application model has none. */
public class ShowChannelsHandler {

    @Execute
    public void execute(EPartService parts) {
        PartShowing.show(parts, "org.amicus.cti.ui.partdescriptor.channels", ChannelsPart.class);
    }
}

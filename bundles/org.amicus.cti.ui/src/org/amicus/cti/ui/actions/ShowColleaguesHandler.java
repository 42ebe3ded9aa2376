package org.amicus.cti.ui.actions;

import org.amicus.cti.ui.parts.ColleaguesPart;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.workbench.modeling.EPartService;

/** Brings the Colleagues part to the front, making it if the application model has none. */
public class ShowColleaguesHandler {

    @Execute
    public void execute(EPartService parts) {
        PartShowing.show(parts, "org.amicus.cti.ui.partdescriptor.colleagues", ColleaguesPart.class);
    }
}

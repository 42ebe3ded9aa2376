package org.amicus.cti.ui.actions;

import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;

/**
 * Brings a part of Amicus to the front: the one the application model already has, else a new one from Amicus's part
 * descriptor, which is how a workstation that knows nothing of Amicus gets it.
 */
final class PartShowing {

    private PartShowing() {
    }

    static void show(EPartService parts, String descriptorId, Class<?> partClass) {
        String contribution = "bundleclass://org.amicus.cti.ui/" + partClass.getName();
        MPart part = parts.getParts().stream().filter(p -> contribution.equals(p.getContributionURI())).findFirst()
                .orElseGet(() -> parts.createPart(descriptorId));
        parts.showPart(part, PartState.ACTIVATE);
    }
}

package org.amicus.cti.ui.actions;

import java.util.Optional;

import org.amicus.cti.ui.parts.MyCallPart;
import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EPartService;

import jakarta.inject.Named;

/**
 * The handler of the {@link MyCallAction#COMMAND_ID my call command} (key bindings): takes the action in the My call
 * part wherever the focus is in the window, as an agent talking to a customer may be typing in a CRM form. It runs
 * whenever the part exists, so that a key pressed for an action that cannot be taken says why.
 */
public class MyCallActionHandler {

    @CanExecute
    public boolean canExecute(EPartService parts) {
        return myCallPart(parts).isPresent();
    }

    @Execute
    public void execute(@Named(MyCallAction.PARAMETER_ID) String action, EPartService parts) {
        myCallPart(parts).ifPresent(part -> part.run(MyCallAction.ofParameter(action)));
    }

    private static Optional<MyCallPart> myCallPart(EPartService parts) {
        return parts.getParts().stream().map(MPart::getObject).filter(MyCallPart.class::isInstance)
                .map(MyCallPart.class::cast).findFirst();
    }
}

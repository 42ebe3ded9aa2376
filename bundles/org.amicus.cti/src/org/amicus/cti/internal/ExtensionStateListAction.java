package org.amicus.cti.internal;

import org.asteriskjava.manager.action.AbstractManagerAction;

/** Lists every hint's state as {@code ExtensionStatus} events; asterisk-java has no class for it. */
public final class ExtensionStateListAction extends AbstractManagerAction {

    private static final long serialVersionUID = 1L;

    @Override
    public String getAction() {
        return "ExtensionStateList";
    }
}

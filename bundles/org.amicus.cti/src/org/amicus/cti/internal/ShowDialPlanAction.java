package org.amicus.cti.internal;

import org.asteriskjava.manager.action.AbstractManagerAction;

/** Lists the dialplan entries an extension matches in a context; asterisk-java's class cannot name either. */
public final class ShowDialPlanAction extends AbstractManagerAction {

    private static final long serialVersionUID = 1L;

    private final String context;
    private final String extension;

    public ShowDialPlanAction(String context, String extension) {
        this.context = context;
        this.extension = extension;
    }

    @Override
    public String getAction() {
        return "ShowDialPlan";
    }

    public String getContext() {
        return context;
    }

    public String getExtension() {
        return extension;
    }
}

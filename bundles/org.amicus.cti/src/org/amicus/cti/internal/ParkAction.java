package org.amicus.cti.internal;

import org.asteriskjava.manager.action.AbstractManagerAction;

/** Parks a channel in the default parking lot, as Asterisk 12 and later name the action's fields. */
public final class ParkAction extends AbstractManagerAction {

    private static final long serialVersionUID = 1L;

    private final String channel;

    /** @param channel the channel to park, taken out of its bridge */
    public ParkAction(String channel) {
        this.channel = channel;
    }

    @Override
    public String getAction() {
        return "Park";
    }

    public String getChannel() {
        return channel;
    }
}

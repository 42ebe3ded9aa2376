package org.amicus.cti.internal;

import org.asteriskjava.manager.action.AbstractManagerAction;

/** Ends the consultation of an attended transfer, taking the transferer back; asterisk-java has no class for it. */
public final class CancelAtxferAction extends AbstractManagerAction {

    private static final long serialVersionUID = 1L;

    private final String channel;

    /** @param channel the transferer's channel */
    public CancelAtxferAction(String channel) {
        this.channel = channel;
    }

    @Override
    public String getAction() {
        return "CancelAtxfer";
    }

    public String getChannel() {
        return channel;
    }
}

package org.amicus.cti.internal;

import org.asteriskjava.manager.action.AbstractManagerAction;

/** Transfers the party bridged with a channel to an extension; asterisk-java has no class for it. */
public final class BlindTransferAction extends AbstractManagerAction {

    private static final long serialVersionUID = 1L;

    private final String channel;
    private final String exten;
    private final String context;

    /** @param channel the transferer's channel, whose bridged party goes to {@code exten@context} */
    public BlindTransferAction(String channel, String exten, String context) {
        this.channel = channel;
        this.exten = exten;
        this.context = context;
    }

    @Override
    public String getAction() {
        return "BlindTransfer";
    }

    public String getChannel() {
        return channel;
    }

    public String getExten() {
        return exten;
    }

    public String getContext() {
        return context;
    }
}

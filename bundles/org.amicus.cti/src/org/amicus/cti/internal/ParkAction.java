package org.amicus.cti.internal;

import org.asteriskjava.manager.action.AbstractManagerAction;

/** Parks a channel in the default parking lot, as Asterisk 12 and later name the action's fields. */
public final class ParkAction extends AbstractManagerAction {

    private static final long serialVersionUID = 1L;

    private final String channel;
    private final String timeoutChannel;

    /**
     * @param channel        the channel to park, taken out of its bridge
     * @param timeoutChannel the channel bridged with it that parks it: the PBX hears its announcement of the space and
     *                       rings its phone back if nobody retrieves the call in time (the parker of
     *                       {@code ParkedCall}, as a DTMF park would make it); without it the PBX would take the
     *                       parked channel for its own parker, e.g. {@code PJSIP/trunk}
     */
    public ParkAction(String channel, String timeoutChannel) {
        this.channel = channel;
        this.timeoutChannel = timeoutChannel;
    }

    @Override
    public String getAction() {
        return "Park";
    }

    public String getChannel() {
        return channel;
    }

    public String getTimeoutChannel() {
        return timeoutChannel;
    }
}

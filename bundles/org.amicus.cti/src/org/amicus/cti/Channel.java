package org.amicus.cti;

import java.time.Instant;
import java.util.Objects;

/**
 * One live channel of the PBX, as last reported. Immutable: a change makes a new one.
 *
 * @param uniqueId        the PBX's id for the channel, stable for its life
 * @param name            e.g. {@code PJSIP/104-0000001c}
 * @param linkedId        the same for every channel of one call
 * @param state           e.g. {@link ChannelState#RINGING}
 * @param callerId        who the channel says is calling
 * @param connectedLine   who the channel is connected to
 * @param context         dialplan context the channel is in
 * @param exten           dialplan extension the channel is at
 * @param application     the application the channel runs, e.g. {@code Dial}; empty if none is known
 * @param applicationData the application's arguments
 * @param bridgedWith     name of the channel it talks to, or rings through to; the names of all it rings through to
 *                        at once (a ring group), joined by ", "; in a bridge of more than six channels, five of the
 *                        others and how many more, e.g. "PJSIP/105-1, …, PJSIP/109-5 and 7 more"; empty if none
 * @param spying          name of the channel it spies on, if it runs ChanSpy; empty otherwise
 * @param started         when the channel was created (when Amicus learnt of it, for channels older than that)
 * @param answered        when it was answered; {@code null} if it has not been
 * @param onHold          whether its phone has put the call on hold, from the PBX's {@code Hold} and {@code Unhold}
 *                        events about it (a SIP phone's re-INVITE with {@code sendonly} or {@code inactive}). The
 *                        PBX's channel listing does not tell: a channel first learnt of from a listing shows not on
 *                        hold until its next {@code Hold}.
 */
public record Channel(String uniqueId, String name, String linkedId, ChannelState state, Party callerId,
        Party connectedLine, String context, String exten, String application, String applicationData,
        String bridgedWith, String spying, Instant started, Instant answered, boolean onHold) {

    /** A channel not on hold. */
    public Channel(String uniqueId, String name, String linkedId, ChannelState state, Party callerId,
            Party connectedLine, String context, String exten, String application, String applicationData,
            String bridgedWith, String spying, Instant started, Instant answered) {
        this(uniqueId, name, linkedId, state, callerId, connectedLine, context, exten, application, applicationData,
                bridgedWith, spying, started, answered, false);
    }

    /**
     * As a record's own, field by field; written out because the registry compares every channel an event touches
     * with the one before, and the record's own goes through method handles, which a fresh JVM is slow to compile.
     * The record's hash code agrees with it: the same fields.
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof Channel that && onHold == that.onHold && state == that.state
                && Objects.equals(uniqueId, that.uniqueId) && Objects.equals(name, that.name)
                && Objects.equals(linkedId, that.linkedId) && Objects.equals(callerId, that.callerId)
                && Objects.equals(connectedLine, that.connectedLine) && Objects.equals(context, that.context)
                && Objects.equals(exten, that.exten) && Objects.equals(application, that.application)
                && Objects.equals(applicationData, that.applicationData)
                && Objects.equals(bridgedWith, that.bridgedWith) && Objects.equals(spying, that.spying)
                && Objects.equals(started, that.started) && Objects.equals(answered, that.answered);
    }

    /**
     * Whether this channel's phone is being rung ({@link ChannelState#RINGING}, 5): the only ringing a person can
     * answer or pick up. The calling side of a call, a phone that dials or a call that came in over a trunk, waits in
     * {@link ChannelState#RING} (4) instead, which is not ringing.
     */
    public boolean isRinging() {
        return state == ChannelState.RINGING;
    }

    /** The device part of the name, e.g. {@code PJSIP/104} for {@code PJSIP/104-0000001c}. */
    public String device() {
        int dash = name.lastIndexOf('-');
        return name.startsWith("Local/") || dash < 0 ? name : name.substring(0, dash);
    }
}

package org.amicus.cti.internal;

import java.time.Instant;

import org.amicus.ami.AmiEvent;
import org.amicus.ami.AmiEvent.Header;
import org.amicus.cti.Channel;
import org.amicus.cti.ChannelState;
import org.amicus.cti.Party;

/** A channel being updated from an event: the mutable twin of {@link Channel}. */
final class ChannelDraft {

    String uniqueId;
    String name = "";
    String linkedId = "";
    ChannelState state = ChannelState.UNKNOWN;
    Party callerId = Party.UNKNOWN;
    Party connectedLine = Party.UNKNOWN;
    String context = "";
    String exten = "";
    String application = "";
    String applicationData = "";
    String bridgedWith = "";
    String spying = "";
    Instant started;
    Instant answered;
    boolean onHold;

    ChannelDraft(String uniqueId, Instant started) {
        this.uniqueId = uniqueId;
        this.started = started;
    }

    static ChannelDraft of(Channel channel) {
        ChannelDraft draft = new ChannelDraft(channel.uniqueId(), channel.started());
        draft.name = channel.name();
        draft.linkedId = channel.linkedId();
        draft.state = channel.state();
        draft.callerId = channel.callerId();
        draft.connectedLine = channel.connectedLine();
        draft.context = channel.context();
        draft.exten = channel.exten();
        draft.application = channel.application();
        draft.applicationData = channel.applicationData();
        draft.bridgedWith = channel.bridgedWith();
        draft.spying = channel.spying();
        draft.answered = channel.answered();
        draft.onHold = channel.onHold();
        return draft;
    }

    /** Takes what the event says about the channel it describes under these headers. */
    ChannelDraft update(AmiEvent event, ChannelHeaders headers, Instant now) {
        name = or(event.value(headers.channel()), name);
        linkedId = or(event.value(headers.linkedId()), linkedId);
        String channelState = event.value(headers.channelState());
        if (channelState != null) {
            state = ChannelState.ofAmi(channelState);
        }
        String number = event.value(headers.callerIdNum());
        if (number != null) {
            callerId = Party.ofAmi(number, or(event.value(headers.callerIdName()), ""));
        }
        number = event.value(headers.connectedLineNum());
        if (number != null) {
            connectedLine = Party.ofAmi(number, or(event.value(headers.connectedLineName()), ""));
        }
        context = or(event.value(headers.context()), context);
        exten = or(event.value(headers.exten()), exten);
        if (state == ChannelState.UP && answered == null) {
            answered = now;
        }
        return this;
    }

    /**
     * Whether {@link #update} would change anything of this channel: most events about a channel (a VarSet, 40 % of a
     * busy PBX's) tell nothing new, and telling so makes no new channel.
     */
    static boolean changes(Channel known, AmiEvent event, ChannelHeaders headers) {
        String channelState = event.value(headers.channelState());
        ChannelState state = channelState != null ? ChannelState.ofAmi(channelState) : known.state();
        return state != known.state() || state == ChannelState.UP && known.answered() == null
                || differs(event.value(headers.channel()), known.name())
                || differs(event.value(headers.linkedId()), known.linkedId())
                || differs(event, headers.callerIdNum(), headers.callerIdName(), known.callerId())
                || differs(event, headers.connectedLineNum(), headers.connectedLineName(), known.connectedLine())
                || differs(event.value(headers.context()), known.context())
                || differs(event.value(headers.exten()), known.exten());
    }

    private static boolean differs(String given, String known) {
        return given != null && !given.equals(known);
    }

    private static boolean differs(AmiEvent event, Header number, Header name, Party known) {
        String given = event.value(number);
        return given != null && !Party.ofAmi(given, or(event.value(name), "")).equals(known);
    }

    /** The value an event gave, or what there was without it. */
    private static String or(String given, String otherwise) {
        return given != null ? given : otherwise;
    }

    Channel build() {
        return new Channel(uniqueId, name, linkedId, state, callerId, connectedLine, context, exten, application,
                applicationData, bridgedWith, spying, started, answered, onHold);
    }
}

package org.amicus.cti.internal;

import java.time.Instant;

import org.amicus.ami.AmiEvent;
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
        event.get(headers.channel()).ifPresent(value -> name = value);
        event.get(headers.linkedId()).ifPresent(value -> linkedId = value);
        event.get(headers.channelState()).ifPresent(value -> state = ChannelState.ofAmi(value));
        event.get(headers.callerIdNum()).ifPresent(
                number -> callerId = Party.ofAmi(number, event.get(headers.callerIdName()).orElse("")));
        event.get(headers.connectedLineNum()).ifPresent(
                number -> connectedLine = Party.ofAmi(number, event.get(headers.connectedLineName()).orElse("")));
        event.get(headers.context()).ifPresent(value -> context = value);
        event.get(headers.exten()).ifPresent(value -> exten = value);
        if (state == ChannelState.UP && answered == null) {
            answered = now;
        }
        return this;
    }

    Channel build() {
        return new Channel(uniqueId, name, linkedId, state, callerId, connectedLine, context, exten, application,
                applicationData, bridgedWith, spying, started, answered, onHold);
    }
}

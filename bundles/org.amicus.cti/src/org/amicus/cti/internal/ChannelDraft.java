package org.amicus.cti.internal;

import java.time.Instant;
import java.util.Objects;

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

    /**
     * Becomes the twin of this channel. One draft serves event after event: most events change nothing about their
     * channel, and then nothing is made.
     */
    ChannelDraft from(Channel channel) {
        uniqueId = channel.uniqueId();
        name = channel.name();
        linkedId = channel.linkedId();
        state = channel.state();
        callerId = channel.callerId();
        connectedLine = channel.connectedLine();
        context = channel.context();
        exten = channel.exten();
        application = channel.application();
        applicationData = channel.applicationData();
        bridgedWith = channel.bridgedWith();
        spying = channel.spying();
        started = channel.started();
        answered = channel.answered();
        onHold = channel.onHold();
        return this;
    }

    /** Whether the draft says anything about the channel that the channel does not. */
    boolean differsFrom(Channel channel) {
        return !(name.equals(channel.name()) && linkedId.equals(channel.linkedId()) && state == channel.state()
                && callerId.equals(channel.callerId()) && connectedLine.equals(channel.connectedLine())
                && context.equals(channel.context()) && exten.equals(channel.exten())
                && application.equals(channel.application()) && applicationData.equals(channel.applicationData())
                && bridgedWith.equals(channel.bridgedWith()) && spying.equals(channel.spying())
                && Objects.equals(answered, channel.answered()) && onHold == channel.onHold()
                && uniqueId.equals(channel.uniqueId()) && Objects.equals(started, channel.started()));
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

    /** The value an event gave, or what there was without it. */
    private static String or(String given, String otherwise) {
        return given != null ? given : otherwise;
    }

    Channel build() {
        return new Channel(uniqueId, name, linkedId, state, callerId, connectedLine, context, exten, application,
                applicationData, bridgedWith, spying, started, answered, onHold);
    }
}

package org.amicus.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import org.amicus.cti.Channel;
import org.amicus.cti.Party;

/** How a channel is printed: a row of the text table, or a JSON object. */
final class ChannelFormat {

    static final String HEADING = row(Messages.channelsHeading.split("\\|"));

    private ChannelFormat() {
    }

    static String text(Channel channel, Instant now) {
        String at = channel.application().isEmpty() ? channel.exten()
                : channel.application() + (channel.applicationData().isEmpty() ? "" : "(" + channel.applicationData()
                        + ")");
        String with = channel.spying().isEmpty() ? channel.bridgedWith()
                : Messages.bind(Messages.spyingOn, channel.spying());
        return row(channel.name(), channel.onHold() ? Messages.onHold : channel.state().label(Locale.getDefault()),
                channel.callerId().describe(),
                channel.connectedLine().describe(), at, with, duration(Duration.between(channel.started(), now)));
    }

    /** Name, state, caller, connected line, where, with whom, time. */
    private static String row(String... cells) {
        return String.format("%-28s %-9s %-20s %-20s %-22s %-28s %s", (Object[]) cells).stripTrailing();
    }

    private static String duration(Duration age) {
        long seconds = Math.max(0, age.toSeconds());
        return String.format("%d:%02d", seconds / 60, seconds % 60);
    }

    static Json json(Channel channel) {
        return new Json().put("uniqueId", channel.uniqueId()).put("name", channel.name())
                .put("device", channel.device()).put("linkedId", channel.linkedId())
                .put("state", channel.state().name()).put("callerId", json(channel.callerId()))
                .put("connectedLine", json(channel.connectedLine())).put("context", channel.context())
                .put("exten", channel.exten()).put("application", channel.application())
                .put("applicationData", channel.applicationData()).put("bridgedWith", channel.bridgedWith())
                .put("spying", channel.spying()).put("started", channel.started().toString())
                .put("answered", channel.answered() == null ? null : channel.answered().toString())
                .put("onHold", channel.onHold());
    }

    private static Json json(Party party) {
        return new Json().put("number", party.number()).put("name", party.name());
    }
}

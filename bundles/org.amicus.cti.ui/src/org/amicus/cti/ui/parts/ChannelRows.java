package org.amicus.cti.ui.parts;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.amicus.cti.Channel;
import org.amicus.cti.ChannelSnapshot;

/** What the Channels table shows: which channels, in which order, and each one's cells. */
final class ChannelRows {

    private ChannelRows() {
    }

    /**
     * The channels that pass the filter, grouped by call (calls in the order they began), each call's channels in
     * the order they began.
     */
    static List<Channel> of(ChannelSnapshot snapshot, String filter, boolean onlyRinging) {
        String needle = filter.trim().toLowerCase(Locale.ROOT);
        Map<String, Instant> callStarts = new HashMap<>();
        snapshot.channels().forEach(channel -> callStarts.merge(channel.linkedId(), channel.started(),
                (a, b) -> a.isBefore(b) ? a : b));
        return snapshot.channels().stream()
                .filter(channel -> !onlyRinging || channel.isRinging())
                .filter(channel -> needle.isEmpty() || searchable(channel).contains(needle))
                .sorted(Comparator.<Channel, Instant>comparing(channel -> callStarts.get(channel.linkedId()))
                        .thenComparing(Channel::linkedId).thenComparing(Channel::started))
                .toList();
    }

    private static String searchable(Channel channel) {
        return String.join(" ", channel.name(), channel.callerId().describe(), channel.connectedLine().describe(),
                channel.application(), channel.bridgedWith()).toLowerCase(Locale.ROOT);
    }

    /** The cells of a row, in the order of {@link ChannelsPart#COLUMNS}. */
    static String[] cells(Channel channel, Instant now) {
        return new String[] { channel.name(), channel.state().label(), channel.callerId().describe(),
                channel.connectedLine().describe(), duration(channel, now), channel.application(),
                channel.spying().isEmpty() ? channel.bridgedWith() : "spying on " + channel.spying() };
    }

    /** Time since answered, or since it began while not answered: "0:07", "12:34", "1:02:03". */
    static String duration(Channel channel, Instant now) {
        Instant since = channel.answered() != null ? channel.answered() : channel.started();
        long seconds = Math.max(0, Duration.between(since, now).toSeconds());
        long hours = seconds / 3600;
        return hours > 0 ? String.format("%d:%02d:%02d", hours, seconds / 60 % 60, seconds % 60)
                : String.format("%d:%02d", seconds / 60, seconds % 60);
    }
}

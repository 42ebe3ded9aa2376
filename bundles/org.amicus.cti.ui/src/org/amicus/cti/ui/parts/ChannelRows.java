package org.amicus.cti.ui.parts;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

import org.amicus.cti.Channel;
import org.amicus.cti.ChannelSnapshot;
import org.amicus.cti.ui.Messages;

/** What the Channels table shows: which channels, in which order, and each one's cells. */
final class ChannelRows {

    private ChannelRows() {
    }

    /** A sort by one column; none means grouped by call. */
    record Sort(int column, boolean ascending) {
    }

    /**
     * The channels that pass the filter, sorted by the column if one is given, else grouped by call (calls in the
     * order they began), each call's channels in the order they began.
     */
    static List<Channel> of(ChannelSnapshot snapshot, String filter, boolean onlyRinging, Sort sort) {
        Map<String, Instant> callStarts = new HashMap<>();
        snapshot.channels().forEach(channel -> callStarts.merge(channel.linkedId(), channel.started(),
                (a, b) -> a.isBefore(b) ? a : b));
        Comparator<InCall> grouped = Comparator.comparing(InCall::callStarted)
                .thenComparing(row -> row.channel().linkedId()).thenComparing(row -> row.channel().started());
        Comparator<InCall> order = sort == null ? grouped
                : Comparator.comparing(InCall::channel, by(sort)).thenComparing(grouped);
        return snapshot.channels().stream()
                .filter(passing(filter, onlyRinging))
                .map(channel -> new InCall(channel, callStarts.get(channel.linkedId())))
                .sorted(order)
                .map(InCall::channel)
                .toList();
    }

    /** Whether every channel passes the filter: nothing to look for, and not only the ringing ones. */
    static boolean passesAll(String filter, boolean onlyRinging) {
        return !onlyRinging && filter.trim().isEmpty();
    }

    /** Whether a channel passes the filter (its words, any case) and, if asked, rings. */
    static Predicate<Channel> passing(String filter, boolean onlyRinging) {
        String needle = filter.trim().toLowerCase(Locale.ROOT);
        return channel -> (!onlyRinging || channel.isRinging())
                && (needle.isEmpty() || searchable(channel).contains(needle));
    }

    /** A channel with its call's start, looked up once rather than at each comparison of a sort. */
    private record InCall(Channel channel, Instant callStarted) {
    }

    private static Comparator<Channel> by(Sort sort) {
        Comparator<Channel> column = switch (sort.column()) {
            case 0 -> Comparator.comparing(Channel::name);
            case 1 -> Comparator.comparing(Channel::onHold).thenComparing(Channel::state); // alike in every language
            case 2 -> Comparator.comparing(channel -> channel.callerId().describe());
            case 3 -> Comparator.comparing(channel -> channel.connectedLine().describe());
            case 4 -> Comparator.comparing(ChannelRows::since, Comparator.reverseOrder()); // the longest last
            case 5 -> Comparator.comparing(Channel::application);
            default -> Comparator.comparing(channel -> channel.spying().isEmpty() ? channel.bridgedWith()
                    : channel.spying());
        };
        return sort.ascending() ? column : column.reversed();
    }

    private static String searchable(Channel channel) {
        return String.join(" ", channel.name(), channel.callerId().describe(), channel.connectedLine().describe(),
                channel.application(), channel.bridgedWith()).toLowerCase(Locale.ROOT);
    }

    /** The cells of a row, in the order of {@link Messages#channelsColumns}. */
    static String[] cells(Channel channel, Instant now, Messages messages) {
        return new String[] { channel.name(), state(channel, messages), channel.callerId().describe(),
                channel.connectedLine().describe(), duration(channel, now), channel.application(),
                channel.spying().isEmpty() ? channel.bridgedWith()
                        : Messages.format(messages.spyingOn, channel.spying()) };
    }

    /** Its state as the agent reads it: on hold, when its phone holds the call, before the channel's state. */
    static String state(Channel channel, Messages messages) {
        return channel.onHold() ? messages.onHold : channel.state().label(Locale.getDefault());
    }

    /** Time since answered, or since it began while not answered. */
    static String duration(Channel channel, Instant now) {
        return clock(Duration.between(since(channel), now));
    }

    /** A time as a clock shows it: "0:07", "12:34", "1:02:03". */
    static String clock(Duration elapsed) {
        long seconds = Math.max(0, elapsed.toSeconds());
        long hours = seconds / 3600;
        return hours > 0 ? String.format("%d:%02d:%02d", hours, seconds / 60 % 60, seconds % 60)
                : String.format("%d:%02d", seconds / 60, seconds % 60);
    }

    /** What the duration counts from: the answer, or the start while not answered. */
    private static Instant since(Channel channel) {
        return channel.answered() != null ? channel.answered() : channel.started();
    }
}

package org.amicus.cti.ui.parts;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.amicus.cti.Channel;
import org.amicus.cti.ChannelSnapshot;
import org.amicus.cti.Colleague;
import org.amicus.cti.ui.Messages;

/**
 * The rows of the Calls presentation: built off the UI thread, as grouping thousands of channels costs. A call whose
 * channels are the very ones of the last arrangement (a channel that changes is a new object) keeps its row, so an
 * arrangement makes rows only for the calls that changed. One thread at a time.
 */
final class CallRows {

    /**
     * The initial widths in pixels of the Calls presentation's columns, in the order of {@link Messages#callsColumns};
     * a call's channels show under it.
     */
    static final int[] WIDTHS = { 220, 160, 80, 90, 70, 140, 80 };
    private static final Comparator<CallRow> ORDER = Comparator.comparing(CallRow::started)
            .thenComparing(CallRow::linkedId);

    private Map<String, CallRow> lastRows = Map.of();
    private Set<String> lastPhones = Set.of();

    /**
     * The calls with a channel that passes the filter (as {@link ChannelRows#of} filters channels), each with all its
     * channels, in the order they began.
     */
    List<CallRow> of(ChannelSnapshot snapshot, Set<String> phones, String filter, boolean onlyRinging) {
        Predicate<Channel> passing = ChannelRows.passing(filter, onlyRinging);
        Map<String, CallRow> known = phones.equals(lastPhones) ? lastRows : Map.of();
        Map<String, CallRow> rows = new HashMap<>();
        List<CallRow> ordered = new ArrayList<>(); // the snapshot's calls come about in order: a quick sort
        // Loops, not streams: thousands of calls at every refresh
        for (Map.Entry<String, List<Channel>> call : snapshot.calls().entrySet()) {
            if (any(call.getValue(), passing)) {
                CallRow row = known.get(call.getKey());
                if (row == null || !sameChannels(row.channels(), call.getValue())) {
                    row = CallRow.of(call.getValue(), phones);
                }
                rows.put(call.getKey(), row);
                ordered.add(row);
            }
        }
        lastRows = rows;
        lastPhones = phones;
        ordered.sort(ORDER);
        return Collections.unmodifiableList(ordered);
    }

    private static boolean any(List<Channel> channels, Predicate<Channel> test) {
        for (Channel channel : channels) {
            if (test.test(channel)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the two lists hold the same channel objects, in any order. */
    private static boolean sameChannels(List<Channel> a, List<Channel> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (Channel channel : b) {
            if (!any(a, other -> other == channel)) {
                return false;
            }
        }
        return true;
    }

    /** The devices of the phones with a hint, e.g. {@code PJSIP/104}: the agents' phones. */
    static Set<String> phones(Collection<Colleague> colleagues) {
        return colleagues.stream().flatMap(colleague -> List.of(colleague.hint().split("[&,]")).stream())
                .map(String::strip).filter(device -> device.contains("/") && !device.contains(":"))
                .collect(Collectors.toUnmodifiableSet());
    }
}

package org.amicus.cti.ui.parts;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.amicus.cti.Channel;
import org.amicus.cti.ChannelSnapshot;
import org.amicus.cti.Colleague;
import org.amicus.cti.ui.Messages;

/** The rows of the Calls presentation: built off the UI thread, as grouping thousands of channels costs. */
final class CallRows {

    /**
     * The initial widths in pixels of the Calls presentation's columns, in the order of {@link Messages#callsColumns};
     * a call's channels show under it.
     */
    static final int[] WIDTHS = { 220, 160, 80, 90, 70, 140, 80 };

    private CallRows() {
    }

    /**
     * The calls with a channel that passes the filter (as {@link ChannelRows#of} filters channels), each with all its
     * channels, in the order they began.
     */
    static List<CallRow> of(ChannelSnapshot snapshot, Set<String> phones, String filter, boolean onlyRinging) {
        Predicate<Channel> passing = ChannelRows.passing(filter, onlyRinging);
        return snapshot.calls().values().stream().filter(call -> call.stream().anyMatch(passing))
                .map(call -> CallRow.of(call, phones))
                .sorted(Comparator.comparing(CallRow::started).thenComparing(CallRow::linkedId)).toList();
    }

    /** The devices of the phones with a hint, e.g. {@code PJSIP/104}: the agents' phones. */
    static Set<String> phones(Collection<Colleague> colleagues) {
        return colleagues.stream().flatMap(colleague -> List.of(colleague.hint().split("[&,]")).stream())
                .map(String::strip).filter(device -> device.contains("/") && !device.contains(":"))
                .collect(Collectors.toUnmodifiableSet());
    }
}

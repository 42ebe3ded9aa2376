package org.amicus.cti.ui.parts;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.amicus.cti.Channel;
import org.amicus.cti.ChannelChange;
import org.amicus.cti.ChannelSnapshot;
import org.amicus.cti.Colleague;
import org.amicus.cti.ui.Messages;

/**
 * The rows of the Calls presentation: built off the UI thread, as grouping thousands of channels costs. A row is kept
 * for every call from one arrangement to the next, which makes rows anew only for the calls whose channels changed in
 * between, as the registry told them; for every call when the phones changed, or when an arrangement's changes were
 * not given to it. The filter picks among the rows. Arrangements come one at a time; changes are heard on any thread.
 */
final class CallRows {

    /**
     * The initial widths in pixels of the Calls presentation's columns, in the order of {@link Messages#callsColumns};
     * a call's channels show under it.
     */
    static final int[] WIDTHS = { 220, 160, 80, 90, 70, 140, 80 };
    private static final Comparator<CallRow> ORDER = Comparator.comparing(CallRow::started)
            .thenComparing(CallRow::linkedId);

    /** The calls (linked ids) whose channels changed since the arrangement before took its own; the turn it is. */
    record Changed(long turn, Set<String> calls) {
    }

    private Set<String> heard = new HashSet<>(); // guarded by this
    private long turn; // guarded by this
    private long lastTurn = -1;
    private Set<String> lastPhones; // none before the first arrangement
    /** A row for every call, in the order they began. */
    private List<CallRow> all = List.of();

    /** Any thread: the calls of these channels are looked at again in the next arrangement. */
    synchronized void heard(List<ChannelChange> changes) {
        for (ChannelChange change : changes) {
            heard.add(change.channel().linkedId());
            if (change.before() != null) {
                heard.add(change.before().linkedId()); // a channel may move to another call
            }
        }
    }

    /**
     * The calls changed since the last time; taken before the snapshot the arrangement reads, so that every change
     * taken is in it (one heard later is taken next time).
     */
    synchronized Changed changed() {
        Changed taken = new Changed(turn++, heard);
        heard = new HashSet<>();
        return taken;
    }

    /**
     * The calls with a channel that passes the filter (as {@link ChannelRows#of} filters channels), each with all its
     * channels, in the order they began.
     */
    List<CallRow> of(ChannelSnapshot snapshot, Changed changed, Set<String> phones, String filter,
            boolean onlyRinging) {
        Map<String, List<Channel>> calls = snapshot.calls();
        List<CallRow> rows = new ArrayList<>(calls.size());
        if (phones.equals(lastPhones) && changed.turn() == lastTurn + 1) {
            for (CallRow row : all) {
                if (!changed.calls().contains(row.linkedId())) {
                    rows.add(row);
                }
            }
            for (String call : changed.calls()) {
                List<Channel> channels = calls.get(call);
                if (channels != null) {
                    rows.add(CallRow.of(channels, phones));
                }
            }
        } else {
            calls.values().forEach(channels -> rows.add(CallRow.of(channels, phones)));
        }
        rows.sort(ORDER); // the rows kept are in order already, and the snapshot's calls about so: a quick sort
        all = Collections.unmodifiableList(rows);
        lastPhones = phones;
        lastTurn = changed.turn();
        if (ChannelRows.passesAll(filter, onlyRinging)) {
            return all;
        }
        Predicate<Channel> passing = ChannelRows.passing(filter, onlyRinging);
        List<CallRow> found = new ArrayList<>();
        for (CallRow row : all) { // a loop, not a stream: thousands of calls at every refresh
            if (any(row.channels(), passing)) {
                found.add(row);
            }
        }
        return Collections.unmodifiableList(found);
    }

    private static boolean any(List<Channel> channels, Predicate<Channel> test) {
        for (Channel channel : channels) {
            if (test.test(channel)) {
                return true;
            }
        }
        return false;
    }

    /** The devices of the phones with a hint, e.g. {@code PJSIP/104}: the agents' phones. */
    static Set<String> phones(Collection<Colleague> colleagues) {
        return colleagues.stream().flatMap(colleague -> List.of(colleague.hint().split("[&,]")).stream())
                .map(String::strip).filter(device -> device.contains("/") && !device.contains(":"))
                .collect(Collectors.toUnmodifiableSet());
    }
}

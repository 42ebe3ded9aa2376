package org.amicus.cti.ui.parts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.amicus.cti.Channel;
import org.amicus.cti.ChannelChange;
import org.amicus.cti.ChannelChange.Kind;
import org.amicus.cti.ChannelSnapshot;
import org.amicus.cti.ChannelState;
import org.amicus.cti.Party;
import org.junit.jupiter.api.Test;

/**
 * An arrangement makes rows anew only for the calls whose channels changed, or for all when the phones changed or an
 * arrangement's changes went missing; whichever it does, it shows what making every row anew would.
 */
class CallRowsTest {

    private static final Set<String> PHONES = Set.of("PJSIP/104", "PJSIP/105");

    @Test
    void aCallWhoseChannelsChangedIsMadeAnewTheOthersKeepTheirRows() {
        Channel customer = channel("1.1", "PJSIP/carrier-00000001", "1.1", ChannelState.UP, 1);
        Channel ringing = channel("1.2", "PJSIP/104-00000002", "1.1", ChannelState.RINGING, 2);
        Channel internal = channel("2.1", "PJSIP/105-00000003", "2.1", ChannelState.RING, 3);
        CallRows rows = new CallRows();
        List<CallRow> first = rows.of(snapshot(customer, ringing, internal), rows.changed(), PHONES, "", false);
        assertEquals(CallRow.State.RINGING, first.get(0).state());

        Channel answered = new Channel(ringing.uniqueId(), ringing.name(), ringing.linkedId(), ChannelState.UP,
                ringing.callerId(), ringing.connectedLine(), "", "", "", "", customer.name(), "", ringing.started(),
                Instant.ofEpochSecond(4));
        rows.heard(List.of(new ChannelChange(Kind.CHANGED, answered, ringing)));
        List<CallRow> second = rows.of(snapshot(customer, answered, internal), rows.changed(), PHONES, "", false);
        assertNotSame(first.get(0), second.get(0));
        assertEquals(CallRow.State.TALKING, second.get(0).state());
        assertSame(first.get(1), second.get(1));
        assertEquals(CallRow.Direction.INTERNAL, second.get(1).direction());

        List<CallRow> otherPhones = rows.of(snapshot(customer, answered, internal), rows.changed(),
                Set.of("PJSIP/104"), "", false);
        assertNotSame(second.get(1), otherPhones.get(1));
        assertEquals(CallRow.Direction.INBOUND, otherPhones.get(1).direction()); // 105 is no agent's phone now
    }

    @Test
    void theFilterShowsWholeCallsInTheOrderTheyBegan() {
        Channel customer = channel("1.1", "PJSIP/carrier-00000001", "1.1", ChannelState.UP, 5);
        Channel agent = channel("1.2", "PJSIP/104-00000002", "1.1", ChannelState.RINGING, 6);
        Channel earlier = channel("2.1", "PJSIP/105-00000003", "2.1", ChannelState.RING, 1);
        ChannelSnapshot snapshot = snapshot(customer, agent, earlier);
        CallRows rows = new CallRows();
        assertEquals(List.of("2.1", "1.1"), linkedIds(rows.of(snapshot, rows.changed(), PHONES, "", false)));
        List<CallRow> found = rows.of(snapshot, rows.changed(), PHONES, "104", false);
        assertEquals(List.of("1.1"), linkedIds(found));
        assertEquals(2, found.get(0).channels().size());
        assertEquals(List.of("1.1"), linkedIds(rows.of(snapshot, rows.changed(), PHONES, "", true)));
    }

    /**
     * Channels come, change, move to other calls and go at random, as a busy PBX's do; the rows kept and mended after
     * each arrangement are the very rows made anew from its snapshot, also after an arrangement that left the calls
     * out (the channel table shown meanwhile) and with changes heard after the snapshot was taken.
     */
    @Test
    void rowsMendedFromTheChangesHeardAreThoseMadeAnew() {
        Random random = new Random(42);
        Map<String, Channel> live = new LinkedHashMap<>();
        CallRows kept = new CallRows();
        int arranged = 0;
        int mended = 0;
        for (int step = 0; step < 20_000; step++) {
            if (random.nextInt(10) != 0) {
                kept.heard(List.of(change(random, live, step)));
                continue;
            }
            CallRows.Changed changed = kept.changed(); // an arrangement, with a change coming while it runs
            ChannelSnapshot snapshot = snapshot(live.values().toArray(Channel[]::new));
            kept.heard(List.of(change(random, live, step)));
            if (random.nextInt(20) == 0) {
                continue; // the channel table is shown: the calls are not arranged this time
            }
            List<CallRow> rows = kept.of(snapshot, changed, PHONES, "", false);
            CallRows fresh = new CallRows();
            assertEquals(fresh.of(snapshot, fresh.changed(), PHONES, "", false), rows, "step " + step);
            assertEquals(snapshot.calls().size(), rows.size());
            arranged++;
            mended += changed.calls().isEmpty() ? 0 : 1;
        }
        assertTrue(arranged > 1_500 && mended > 1_000, arranged + " arrangements, " + mended + " with changes");
    }

    /** One change to the live channels: a new channel in a new or a running call, a changed one, or one gone. */
    private static ChannelChange change(Random random, Map<String, Channel> live, int step) {
        List<Channel> channels = List.copyOf(live.values());
        int what = channels.isEmpty() ? 0 : random.nextInt(4);
        if (what == 0 || live.size() < 20) {
            String id = "1." + step;
            String linkedId = channels.isEmpty() || random.nextBoolean() ? id
                    : channels.get(random.nextInt(channels.size())).linkedId();
            Channel added = channel(id, "PJSIP/10" + random.nextInt(8) + "-" + step, linkedId,
                    ChannelState.RINGING, step);
            live.put(id, added);
            return new ChannelChange(Kind.ADDED, added, null);
        }
        Channel before = channels.get(random.nextInt(channels.size()));
        if (what == 1) {
            live.remove(before.uniqueId());
            return new ChannelChange(Kind.REMOVED, before, null);
        }
        String linkedId = what == 2 ? before.linkedId() : channels.get(random.nextInt(channels.size())).linkedId();
        ChannelState state = ChannelState.values()[random.nextInt(ChannelState.values().length)];
        Channel after = new Channel(before.uniqueId(), before.name(), linkedId, state, before.callerId(),
                before.connectedLine(), "", "", "", "", "", "", before.started(), null);
        live.put(after.uniqueId(), after);
        return new ChannelChange(Kind.CHANGED, after, before);
    }

    private static List<String> linkedIds(List<CallRow> rows) {
        return rows.stream().map(CallRow::linkedId).toList();
    }

    private static Channel channel(String id, String name, String linkedId, ChannelState state, long started) {
        return new Channel(id, name, linkedId, state, new Party("4930" + id, ""), Party.UNKNOWN, "", "", "", "", "",
                "", Instant.ofEpochSecond(started), null);
    }

    private static ChannelSnapshot snapshot(Channel... channels) {
        Map<String, Channel> byId = new LinkedHashMap<>();
        for (Channel channel : channels) {
            byId.put(channel.uniqueId(), channel);
        }
        return new ChannelSnapshot(byId);
    }
}

package org.amicus.cti.ui.parts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.amicus.cti.Channel;
import org.amicus.cti.ChannelSnapshot;
import org.amicus.cti.ChannelState;
import org.amicus.cti.Party;
import org.junit.jupiter.api.Test;

/** An arrangement makes rows anew only for the calls whose channels changed, or for all when the phones changed. */
class CallRowsTest {

    private static final Set<String> PHONES = Set.of("PJSIP/104", "PJSIP/105");

    @Test
    void aCallWhoseChannelsChangedIsMadeAnewTheOthersKeepTheirRows() {
        Channel customer = channel("1.1", "PJSIP/carrier-00000001", "1.1", ChannelState.UP, 1);
        Channel ringing = channel("1.2", "PJSIP/104-00000002", "1.1", ChannelState.RINGING, 2);
        Channel internal = channel("2.1", "PJSIP/105-00000003", "2.1", ChannelState.RING, 3);
        CallRows rows = new CallRows();
        List<CallRow> first = rows.of(snapshot(customer, ringing, internal), PHONES, "", false);
        assertEquals(CallRow.State.RINGING, first.get(0).state());

        Channel answered = new Channel(ringing.uniqueId(), ringing.name(), ringing.linkedId(), ChannelState.UP,
                ringing.callerId(), ringing.connectedLine(), "", "", "", "", customer.name(), "", ringing.started(),
                Instant.ofEpochSecond(4));
        List<CallRow> second = rows.of(snapshot(customer, answered, internal), PHONES, "", false);
        assertNotSame(first.get(0), second.get(0));
        assertEquals(CallRow.State.TALKING, second.get(0).state());
        assertSame(first.get(1), second.get(1));
        assertEquals(CallRow.Direction.INTERNAL, second.get(1).direction());

        List<CallRow> otherPhones = rows.of(snapshot(customer, answered, internal), Set.of("PJSIP/104"), "", false);
        assertNotSame(second.get(1), otherPhones.get(1));
        assertEquals(CallRow.Direction.INBOUND, otherPhones.get(1).direction()); // 105 is no agent's phone now
    }

    @Test
    void theFilterShowsWholeCallsInTheOrderTheyBegan() {
        Channel customer = channel("1.1", "PJSIP/carrier-00000001", "1.1", ChannelState.UP, 5);
        Channel agent = channel("1.2", "PJSIP/104-00000002", "1.1", ChannelState.RINGING, 6);
        Channel earlier = channel("2.1", "PJSIP/105-00000003", "2.1", ChannelState.RING, 1);
        CallRows rows = new CallRows();
        assertEquals(List.of("2.1", "1.1"), rows.of(snapshot(customer, agent, earlier), PHONES, "", false).stream()
                .map(CallRow::linkedId).toList());
        List<CallRow> found = rows.of(snapshot(customer, agent, earlier), PHONES, "104", false);
        assertEquals(List.of("1.1"), found.stream().map(CallRow::linkedId).toList());
        assertEquals(2, found.get(0).channels().size());
        assertEquals(List.of("1.1"), rows.of(snapshot(customer, agent, earlier), PHONES, "", true).stream()
                .map(CallRow::linkedId).toList());
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

package org.amicus.cti;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * The live channels keep the order they came in through changes, hang-ups and growth, as a linked map would, and a
 * snapshot keeps the channels of its moment.
 */
class LiveChannelsTest {

    @Test
    void aChangedChannelKeepsItsPlaceAndAnEndedOneLeavesNoGap() {
        LiveChannels live = new LiveChannels();
        Channel one = channel("1", 0);
        Channel two = channel("2", 0);
        assertNull(live.put(one));
        assertNull(live.put(two));
        assertNull(live.put(channel("3", 0)));

        Channel oneLater = channel("1", 1);
        assertSame(one, live.put(oneLater));
        assertSame(two, live.remove("2"));
        assertNull(live.remove("2"), "gone already");

        assertEquals(List.of(oneLater, channel("3", 0)), List.copyOf(live.snapshot().channels()));
        assertEquals(Set.of("1", "3"), live.uniqueIds());
        assertSame(oneLater, live.get("1"));
        assertNull(live.get("2"));
    }

    @Test
    void aSnapshotStaysAsItWasTaken() {
        LiveChannels live = new LiveChannels();
        live.put(channel("1", 0));
        ChannelSnapshot before = live.snapshot();
        live.put(channel("1", 1));
        live.put(channel("2", 0));
        live.remove("1");

        assertEquals(List.of(channel("1", 0)), List.copyOf(before.channels()));
        assertEquals(List.of(channel("2", 0)), List.copyOf(live.snapshot().channels()));
    }

    @Test
    void keepsTheOrderOfALinkedMapThroughThousandsOfCallsComingAndGoing() {
        LiveChannels live = new LiveChannels();
        Map<String, Channel> expected = new LinkedHashMap<>();
        Map<ChannelSnapshot, List<Channel>> taken = new LinkedHashMap<>();
        Random random = new Random(16);
        List<String> ids = new ArrayList<>();
        for (int step = 0; step < 50_000; step++) {
            if (step % 997 == 0) { // read at the end: holes closed up and places added since must not show in them
                taken.put(live.snapshot(), List.copyOf(expected.values()));
            }
            int action = random.nextInt(10);
            if (action < 5 || ids.isEmpty()) {
                Channel added = channel(String.valueOf(step), step);
                live.put(added);
                expected.put(added.uniqueId(), added);
                ids.add(added.uniqueId());
            } else if (action < 8) {
                Channel changed = channel(ids.get(random.nextInt(ids.size())), step);
                assertSame(expected.put(changed.uniqueId(), changed), live.put(changed));
            } else {
                String id = ids.remove(random.nextInt(ids.size()));
                assertSame(expected.remove(id), live.remove(id));
            }
        }
        assertEquals(List.copyOf(expected.values()), List.copyOf(live.snapshot().channels()));
        assertEquals(expected.size(), live.size());
        taken.forEach((snapshot, then) -> assertEquals(then, List.copyOf(snapshot.channels())));
    }

    private static Channel channel(String id, long started) {
        return new Channel(id, "PJSIP/104-" + id, id, ChannelState.UP, Party.UNKNOWN, Party.UNKNOWN, "", "", "", "", "",
                "", Instant.ofEpochSecond(started), null);
    }
}

package org.amicus.cti;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** A snapshot keeps its channels as they were, in order, and finds them by unique id and by name. */
class ChannelSnapshotTest {

    private final Channel older = channel("1.1", "PJSIP/104-00000001", "1.1", 10);
    private final Channel sameName = channel("1.2", "PJSIP/104-00000001", "1.1", 20);
    private final Channel other = channel("1.3", "PJSIP/105-00000002", "1.3", 5);

    @Test
    void keepsTheChannelsAsTheyWereWhenTaken() {
        Map<String, Channel> live = new LinkedHashMap<>();
        live.put("1.1", older);
        live.put("1.2", sameName);
        ChannelSnapshot snapshot = new ChannelSnapshot(live);

        live.remove("1.1");
        live.put("1.3", other);

        assertEquals(List.of(older, sameName), List.copyOf(snapshot.channels()), "in the order given");
        assertEquals(2, snapshot.size());
        assertEquals(Optional.of(older), snapshot.byUniqueId("1.1"));
        assertEquals(Optional.empty(), snapshot.byUniqueId("1.3"));
        assertThrows(UnsupportedOperationException.class, () -> snapshot.channels().clear());
    }

    @Test
    void findsByUniqueIdByNameAndByCall() {
        Map<String, Channel> live = new LinkedHashMap<>();
        live.put("1.1", older);
        live.put("1.3", other);
        live.put("1.2", sameName);
        ChannelSnapshot snapshot = new ChannelSnapshot(live);

        assertEquals(Optional.of(sameName), snapshot.byUniqueId("1.2"));
        assertEquals(Optional.of(older), snapshot.byName("PJSIP/104-00000001"), "the oldest of two of one name");
        assertEquals(Optional.empty(), snapshot.byName("PJSIP/106-00000003"));
        assertEquals(Map.of("1.1", List.of(older, sameName), "1.3", List.of(other)), snapshot.calls());
        assertTrue(ChannelSnapshot.EMPTY.byUniqueId("1.1").isEmpty());
    }

    private static Channel channel(String id, String name, String linkedId, long started) {
        return new Channel(id, name, linkedId, ChannelState.UP, Party.UNKNOWN, Party.UNKNOWN, "", "", "", "", "",
                "", Instant.ofEpochSecond(started), null);
    }
}

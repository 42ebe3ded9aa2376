package org.amicus.cti.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The unique ids of the channels hung up lately, so that an event the PBX sends after a channel's {@code Hangup} does
 * not bring it back. The PBX never reuses a unique id; only the most recent are kept, the oldest forgotten first.
 */
final class Tombstones {

    private final Map<String, Boolean> buried;

    Tombstones(int capacity) {
        buried = new LinkedHashMap<>(capacity, 0.75f) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    void bury(String uniqueId) {
        buried.put(uniqueId, Boolean.TRUE);
    }

    boolean buried(String uniqueId) {
        return buried.containsKey(uniqueId);
    }

    int size() {
        return buried.size();
    }
}

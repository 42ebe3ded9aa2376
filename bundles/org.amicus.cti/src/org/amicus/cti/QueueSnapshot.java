package org.amicus.cti;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The PBX's queues at one moment, in the order the PBX listed them. Immutable. */
public final class QueueSnapshot {

    public static final QueueSnapshot EMPTY = new QueueSnapshot(List.of());

    private final Map<String, CallQueue> byName = new LinkedHashMap<>();

    public QueueSnapshot(Collection<CallQueue> queues) {
        queues.forEach(queue -> byName.put(queue.name(), queue));
    }

    public Collection<CallQueue> queues() {
        return Collections.unmodifiableCollection(byName.values());
    }

    public Optional<CallQueue> byName(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The queues that interface is logged in to, e.g. {@code PJSIP/104}'s. */
    public List<CallQueue> queuesOf(String device) {
        return byName.values().stream().filter(queue -> queue.hasMember(device)).toList();
    }
}

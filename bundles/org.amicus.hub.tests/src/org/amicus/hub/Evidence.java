package org.amicus.hub;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

/** The PBX's own evidence that a refused request did nothing. */
final class Evidence {

    private Evidence() {
    }

    /** Fails if the PBX told any of these events with a value starting {@code valueStart}. */
    static void assertNone(List<Map<String, String>> account, String valueStart, String... events) {
        List<Map<String, String>> done = account.stream()
                .filter(event -> List.of(events).contains(event.get("Event")))
                .filter(event -> event.values().stream().anyMatch(value -> value.startsWith(valueStart))).toList();
        assertTrue(done.isEmpty(), "the PBX did what was refused: " + done);
    }
}

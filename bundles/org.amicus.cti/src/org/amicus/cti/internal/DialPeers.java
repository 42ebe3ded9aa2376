package org.amicus.cti.internal;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The channels each caller's Dial rings at once (a ring group, a ring-all queue), by unique id, until one answers:
 * from then on that one alone. A caller is forgotten once every channel it rang has ended its Dial, or when it hangs up.
 */
final class DialPeers {

    private final Map<String, Dial> byCaller = new HashMap<>();

    private static final class Dial {
        final Set<String> ringing = new LinkedHashSet<>();
        String answered;

        List<String> peers() {
            return answered != null ? List.of(answered) : List.copyOf(ringing);
        }
    }

    /** The caller rings one more channel; returns the channels it now rings through to. */
    List<String> begin(String caller, String destination) {
        Dial dial = byCaller.computeIfAbsent(caller, id -> new Dial());
        if (!destination.isEmpty()) {
            dial.ringing.add(destination);
        }
        return dial.peers();
    }

    /** One channel ended its Dial, answered or not; returns the channels the caller now rings through to or talks to. */
    List<String> end(String caller, String destination, boolean answered) {
        Dial dial = byCaller.get(caller);
        if (dial == null) { // its DialBegin came before Amicus listened
            return answered && !destination.isEmpty() ? List.of(destination) : List.of();
        }
        dial.ringing.remove(destination);
        if (answered) {
            dial.answered = destination;
        }
        List<String> peers = dial.peers();
        if (dial.ringing.isEmpty()) {
            byCaller.remove(caller);
        }
        return peers;
    }

    void forget(String caller) {
        byCaller.remove(caller);
    }

    /** Forgets the callers that are not among these channels. */
    void retainCallers(Set<String> live) {
        byCaller.keySet().retainAll(live);
    }

    int size() {
        return byCaller.size();
    }
}

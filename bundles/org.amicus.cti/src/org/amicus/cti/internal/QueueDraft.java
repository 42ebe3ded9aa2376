package org.amicus.cti.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.amicus.cti.CallQueue;
import org.amicus.cti.QueueCaller;
import org.amicus.cti.QueueMember;

/** One queue while the board keeps it: mutable, fed from the dispatch thread only. */
final class QueueDraft {

    final String name;
    final List<QueueCaller> callers = new ArrayList<>();
    final Map<String, QueueMember> members = new LinkedHashMap<>();
    int answered;
    int abandoned;
    int answeredInServiceLevel;
    Duration serviceLevel = Duration.ZERO;

    QueueDraft(String name) {
        this.name = name;
    }

    /** Puts a caller at its position (1 first), the others after it moving back. */
    void join(QueueCaller caller) {
        callers.add(Math.max(0, Math.min(caller.position() - 1, callers.size())), caller);
        renumber();
    }

    Optional<QueueCaller> leave(String uniqueId) {
        Optional<QueueCaller> left = waiting(uniqueId);
        left.ifPresent(caller -> {
            callers.remove(caller);
            renumber();
        });
        return left;
    }

    Optional<QueueCaller> waiting(String uniqueId) {
        return callers.stream().filter(caller -> caller.uniqueId().equals(uniqueId)).findFirst();
    }

    void answered(int heldSeconds) {
        answered++;
        if (heldSeconds <= serviceLevel.toSeconds()) {
            answeredInServiceLevel++;
        }
    }

    void newDay() {
        answered = 0;
        abandoned = 0;
        answeredInServiceLevel = 0;
    }

    private void renumber() {
        for (int i = 0; i < callers.size(); i++) {
            QueueCaller caller = callers.get(i);
            if (caller.position() != i + 1) {
                callers.set(i, new QueueCaller(caller.queue(), caller.uniqueId(), caller.channel(),
                        caller.callerIdNumber(), caller.callerIdName(), i + 1, caller.joined()));
            }
        }
    }

    CallQueue freeze() {
        return new CallQueue(name, callers, List.copyOf(members.values()), answered, abandoned,
                answeredInServiceLevel, serviceLevel);
    }
}

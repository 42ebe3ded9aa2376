package org.amicus.cti.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.amicus.ami.AmiEvent;
import org.amicus.cti.QueueCaller;
import org.amicus.cti.QueueMember;

/** A {@code QueueStatus} listing under way: what it has listed so far. */
final class QueueListing {

    private final String actionId;
    private final Map<String, Duration> queues = new LinkedHashMap<>();
    private final List<QueueMember> members = new ArrayList<>();
    private final List<QueueCaller> callers = new ArrayList<>();

    QueueListing(String actionId) {
        this.actionId = actionId;
    }

    String actionId() {
        return actionId;
    }

    boolean answers(AmiEvent event) {
        String id = event.get("ActionID").orElse("");
        return id.equals(actionId) || id.endsWith("#" + actionId); // the connection numbers the ids it sends
    }

    void queue(String name, Duration serviceLevel) {
        queues.put(name, serviceLevel);
    }

    void member(QueueMember member) {
        members.add(member);
    }

    void caller(QueueCaller caller) {
        callers.add(caller);
    }

    /** The queues listed, with their service level. */
    Map<String, Duration> queues() {
        return queues;
    }

    List<QueueMember> members(String queue) {
        return members.stream().filter(member -> member.queue().equals(queue)).toList();
    }

    /** The callers waiting in that queue, the next to be put through first. */
    List<QueueCaller> callers(String queue) {
        return callers.stream().filter(caller -> caller.queue().equals(queue))
                .sorted(Comparator.comparingInt(QueueCaller::position)).toList();
    }
}

package org.amicus.cti.ui.parts;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.amicus.cti.CallQueue;
import org.amicus.cti.MemberState;
import org.amicus.cti.QueueCaller;
import org.amicus.cti.QueueMember;
import org.amicus.cti.QueueSnapshot;

/** The rows of the Queues part and the words in their cells. */
final class QueueRows {

    static final String[] QUEUE_COLUMNS = { "Queue", "Waiting", "Longest wait", "Answered", "Abandoned",
            "Service level", "Available" };
    static final String[] CALLER_COLUMNS = { "Position", "Caller", "Waiting for" };
    static final String[] MEMBER_COLUMNS = { "Member", "Phone", "Queue", "State", "Calls" };

    private QueueRows() {
    }

    static String[] queueCells(CallQueue queue, Instant now) {
        long available = queue.members().stream().filter(m -> m.state() == MemberState.AVAILABLE).count();
        long loggedIn = queue.members().stream().filter(QueueMember::loggedIn).count();
        return new String[] { queue.name(), String.valueOf(queue.callers().size()),
                queue.callers().isEmpty() ? "" : ChannelRows.clock(queue.longestWait(now)),
                String.valueOf(queue.answered()), String.valueOf(queue.abandoned()), serviceLevel(queue),
                available + " of " + loggedIn };
    }

    /** "95 % in 20 s", or a dash before the day's first caller. */
    static String serviceLevel(CallQueue queue) {
        return queue.serviceLevelPercent().isPresent()
                ? String.format(Locale.ROOT, "%.0f %% in %d s", queue.serviceLevelPercent().getAsDouble(),
                        queue.serviceLevel().toSeconds())
                : "–";
    }

    static String[] callerCells(QueueCaller caller, Instant now) {
        String who = caller.callerIdName().isEmpty() ? caller.callerIdNumber()
                : caller.callerIdName() + " <" + caller.callerIdNumber() + ">";
        return new String[] { String.valueOf(caller.position()), who, ChannelRows.clock(caller.waited(now)) };
    }

    static String[] memberCells(QueueMember member) {
        return new String[] { member.name(), member.device(), member.queue(), state(member),
                String.valueOf(member.callsTaken()) };
    }

    /** "Available", "In a call", "Paused: Lunch", "In a call (paused: Lunch)", "Logged out"… */
    static String state(QueueMember member) {
        String state = switch (member.state()) {
            case AVAILABLE -> "Available";
            case RINGING -> "Ringing";
            case IN_CALL -> "In a call";
            case PAUSED -> "Paused";
            case UNAVAILABLE -> "Unavailable";
            case LOGGED_OUT -> "Logged out";
        };
        if (!member.paused() || member.pauseReason().isEmpty()) {
            return member.paused() && member.state() != MemberState.PAUSED ? state + " (paused)" : state;
        }
        return member.state() == MemberState.PAUSED ? "Paused: " + member.pauseReason()
                : state + " (paused: " + member.pauseReason() + ")";
    }

    /** The members of the queue chosen, or of every queue when none is; logged in first, then by name. */
    static List<QueueMember> members(QueueSnapshot snapshot, CallQueue chosen) {
        List<CallQueue> queues = chosen == null ? List.copyOf(snapshot.queues()) : List.of(chosen);
        return queues.stream().flatMap(queue -> queue.members().stream())
                .sorted(Comparator.comparing((QueueMember m) -> !m.loggedIn()).thenComparing(QueueMember::name)
                        .thenComparing(QueueMember::queue))
                .toList();
    }
}

package org.amicus.cti.ui.parts;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import org.amicus.cti.CallQueue;
import org.amicus.cti.MemberState;
import org.amicus.cti.QueueCaller;
import org.amicus.cti.QueueMember;
import org.amicus.cti.QueueSnapshot;
import org.amicus.cti.ui.Messages;

/** The rows of the Queues part and the words in their cells. */
final class QueueRows {


    private QueueRows() {
    }

    static String[] queueCells(CallQueue queue, Instant now, Messages messages) {
        long available = queue.members().stream().filter(m -> m.state() == MemberState.AVAILABLE).count();
        long loggedIn = queue.members().stream().filter(QueueMember::loggedIn).count();
        return new String[] { queue.name(), Messages.format("{0}", queue.callers().size()),
                queue.callers().isEmpty() ? "" : ChannelRows.clock(queue.longestWait(now)),
                Messages.format("{0}", queue.answered()), Messages.format("{0}", queue.abandoned()),
                serviceLevel(queue, messages), Messages.format(messages.availableOf, available, loggedIn) };
    }

    /** "95 % in 20 s", or a dash before the day's first caller. */
    static String serviceLevel(CallQueue queue, Messages messages) {
        return queue.serviceLevelPercent().isPresent()
                ? Messages.format(messages.serviceLevel, Math.round(queue.serviceLevelPercent().getAsDouble()),
                        queue.serviceLevel().toSeconds())
                : "–";
    }

    static String[] callerCells(QueueCaller caller, Instant now) {
        String who = caller.callerIdName().isEmpty() ? caller.callerIdNumber()
                : caller.callerIdName() + " <" + caller.callerIdNumber() + ">";
        return new String[] { String.valueOf(caller.position()), who, ChannelRows.clock(caller.waited(now)) };
    }

    static String[] memberCells(QueueMember member, Messages messages) {
        return new String[] { member.name(), member.device(), member.queue(), state(member, messages),
                Messages.format("{0}", member.callsTaken()) };
    }

    /** "Available", "In a call", "Paused: Lunch", "In a call (paused: Lunch)", "Logged out"… */
    static String state(QueueMember member, Messages messages) {
        String state = switch (member.state()) {
            case AVAILABLE -> messages.memberAvailable;
            case RINGING -> messages.memberRinging;
            case IN_CALL -> messages.memberInCall;
            case PAUSED -> messages.memberPaused;
            case UNAVAILABLE -> messages.memberUnavailable;
            case LOGGED_OUT -> messages.memberLoggedOut;
        };
        if (!member.paused() || member.pauseReason().isEmpty()) {
            return member.paused() && member.state() != MemberState.PAUSED ? Messages.format(messages.pausedToo, state)
                    : state;
        }
        return member.state() == MemberState.PAUSED ? Messages.format(messages.pausedBecause, member.pauseReason())
                : Messages.format(messages.pausedWithReason, state, member.pauseReason());
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

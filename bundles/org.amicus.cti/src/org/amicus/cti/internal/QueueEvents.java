package org.amicus.cti.internal;

import java.time.Instant;

import org.amicus.ami.AmiEvent;
import org.amicus.cti.MemberState;
import org.amicus.cti.QueueCaller;
import org.amicus.cti.QueueMember;

/**
 * Reads members and callers from app_queue's events, and from the items of a {@code QueueStatus} listing, which name
 * some headers differently ({@code Location} and {@code Name} for a member's {@code Interface} and
 * {@code MemberName}, {@code Wait} for the seconds a caller has waited).
 */
final class QueueEvents {

    private QueueEvents() {
    }

    static String queue(AmiEvent event) {
        return text(event, "Queue");
    }

    static QueueMember member(AmiEvent event) {
        String device = event.get("Interface").or(() -> event.get("Location")).orElse("");
        String name = event.get("MemberName").or(() -> event.get("Name")).filter(n -> !n.isEmpty()).orElse(device);
        boolean paused = number(event, "Paused") == 1;
        return new QueueMember(queue(event), device, name, text(event, "Membership").equals("dynamic"),
                MemberState.of(number(event, "Status"), paused, number(event, "InCall") == 1), paused,
                paused ? text(event, "PausedReason") : "", number(event, "CallsTaken"));
    }

    /** A caller who joins now ({@code QueueCallerJoin}), or who has waited {@code Wait} s ({@code QueueEntry}). */
    static QueueCaller waiting(AmiEvent event, Instant now) {
        return caller(event, number(event, "Position"), now.minusSeconds(number(event, "Wait")));
    }

    /** The caller of an {@code AgentConnect} or {@code AgentComplete}, who waited {@code HoldTime} s. */
    static QueueCaller putThrough(AmiEvent event, Instant now) {
        return caller(event, 0, now.minusSeconds(holdSeconds(event)));
    }

    static int holdSeconds(AmiEvent event) {
        return number(event, "HoldTime");
    }

    private static QueueCaller caller(AmiEvent event, int position, Instant joined) {
        return new QueueCaller(queue(event), text(event, "Uniqueid"), text(event, "Channel"),
                text(event, "CallerIDNum"), text(event, "CallerIDName").replace("<unknown>", ""), position, joined);
    }

    static int number(AmiEvent event, String header) {
        try {
            return Integer.parseInt(text(event, header).trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String text(AmiEvent event, String header) {
        return event.get(header).orElse("");
    }
}

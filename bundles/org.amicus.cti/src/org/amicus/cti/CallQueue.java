package org.amicus.cti;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One queue of the PBX at one moment. Immutable. The day's figures are counted from the PBX's events since local
 * midnight ({@code AgentConnect} for answered, {@code QueueCallerAbandon} for abandoned): the PBX keeps no daily count,
 * so calls while the desktop was not connected are not in them.
 *
 * @param name                  the queue's name, e.g. {@code support}
 * @param callers               the callers waiting, next to be put through first
 * @param members               the members, logged in or {@link MemberState#LOGGED_OUT logged out} since the desktop
 *                              connected, in the order they joined
 * @param answered              callers put through to an agent today
 * @param abandoned             callers who hung up while waiting today
 * @param answeredInServiceLevel callers put through today after waiting no longer than the service level
 * @param serviceLevel          the queue's service level time (its {@code servicelevel} setting); zero if unset
 */
public record CallQueue(String name, List<QueueCaller> callers, List<QueueMember> members, int answered,
        int abandoned, int answeredInServiceLevel, Duration serviceLevel) {

    public CallQueue {
        callers = List.copyOf(callers);
        members = List.copyOf(members);
    }

    /** When the longest waiting caller joined, if anyone waits. */
    public Optional<Instant> longestWaitingSince() {
        return callers.stream().map(QueueCaller::joined).min(Instant::compareTo);
    }

    /** How long the longest waiting caller has waited by then; zero when nobody waits. */
    public Duration longestWait(Instant now) {
        return longestWaitingSince().map(joined -> Duration.between(joined, now)).filter(d -> !d.isNegative())
                .orElse(Duration.ZERO);
    }

    /**
     * The share of today's callers, answered or abandoned, who were answered within the service level, in percent;
     * empty before the first of them.
     */
    public OptionalDouble serviceLevelPercent() {
        int handled = answered + abandoned;
        return handled == 0 ? OptionalDouble.empty() : OptionalDouble.of(100.0 * answeredInServiceLevel / handled);
    }

    /** The member with that interface, logged in or out. */
    public Optional<QueueMember> member(String device) {
        return members.stream().filter(member -> member.device().equals(device)).findFirst();
    }

    /** Whether that interface is logged in to this queue. */
    public boolean hasMember(String device) {
        return member(device).filter(QueueMember::loggedIn).isPresent();
    }
}

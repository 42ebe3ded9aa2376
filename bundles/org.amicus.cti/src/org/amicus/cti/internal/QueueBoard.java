package org.amicus.cti.internal;

import static org.amicus.cti.QueueChange.Kind.CALLER_ABANDONED;
import static org.amicus.cti.QueueChange.Kind.CALLER_JOINED;
import static org.amicus.cti.QueueChange.Kind.CALLER_LEFT;
import static org.amicus.cti.QueueChange.Kind.CALL_ANSWERED;
import static org.amicus.cti.QueueChange.Kind.CALL_COMPLETED;
import static org.amicus.cti.QueueChange.Kind.MEMBER_ADDED;
import static org.amicus.cti.QueueChange.Kind.MEMBER_CHANGED;
import static org.amicus.cti.QueueChange.Kind.MEMBER_REMOVED;
import static org.amicus.cti.QueueChange.Kind.RESYNCED;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.amicus.ami.AmiEvent;
import org.amicus.cti.QueueCaller;
import org.amicus.cti.QueueChange;
import org.amicus.cti.QueueChange.Kind;
import org.amicus.cti.QueueMember;
import org.amicus.cti.QueueSnapshot;

/**
 * The live queues, kept from app_queue's events and set right by a {@code QueueStatus} listing. Not thread safe: the
 * registry feeds it from the AMI dispatch thread only.
 * <p>
 * A listing replaces the queues' members and callers when it is complete; members known before and no longer listed
 * stay, logged out. The day's figures are the board's own count and survive a listing.
 */
final class QueueBoard implements ListedState {

    private final Map<String, QueueDraft> queues = new LinkedHashMap<>();
    private LocalDate day;
    private QueueListing listing;

    QueueSnapshot snapshot() {
        return new QueueSnapshot(queues.values().stream().map(QueueDraft::freeze).toList());
    }

    /** Starts the day's figures again from zero when the day has changed; says whether it had. */
    boolean rollOver(LocalDate today) {
        boolean newDay = day != null && !day.equals(today);
        if (newDay) {
            queues.values().forEach(QueueDraft::newDay);
        }
        day = today;
        return newDay;
    }

    @Override
    public void expectListing(String actionId) {
        listing = new QueueListing(actionId);
    }

    @Override
    public boolean abandonListing(String actionId) {
        if (listing != null && listing.actionId().equals(actionId)) {
            listing = null;
            return true;
        }
        return false;
    }

    boolean listingUnderWay() {
        return listing != null;
    }

    /** Applies one event; returns the changes it made, empty if none. */
    List<QueueChange> apply(AmiEvent event, Instant now) {
        if (listing != null && listing.answers(event)) {
            return listed(event, now);
        }
        return switch (event.name()) {
            case "QueueMemberAdded" -> member(MEMBER_ADDED, QueueEvents.member(event));
            case "QueueMemberStatus", "QueueMemberPause", "QueueMemberPenalty", "QueueMemberRinginuse" ->
                    member(MEMBER_CHANGED, QueueEvents.member(event));
            case "QueueMemberRemoved" -> member(MEMBER_REMOVED, QueueEvents.member(event).loggedOut());
            case "QueueCallerJoin" -> {
                QueueCaller caller = QueueEvents.waiting(event, now);
                draft(caller.queue()).join(caller);
                yield List.of(callerChange(CALLER_JOINED, caller));
            }
            case "QueueCallerAbandon" -> {
                QueueDraft queue = draft(QueueEvents.queue(event));
                queue.abandoned++;
                QueueCaller caller = queue.waiting(event.get("Uniqueid").orElse(""))
                        .orElseGet(() -> QueueEvents.waiting(event, now));
                yield List.of(callerChange(CALLER_ABANDONED, caller));
            }
            case "QueueCallerLeave" -> draft(QueueEvents.queue(event)).leave(event.get("Uniqueid").orElse(""))
                    .map(caller -> List.of(callerChange(CALLER_LEFT, caller))).orElse(List.of());
            case "AgentConnect" -> {
                draft(QueueEvents.queue(event)).answered(QueueEvents.holdSeconds(event));
                yield List.of(call(CALL_ANSWERED, event, now));
            }
            case "AgentComplete" -> List.of(call(CALL_COMPLETED, event, now));
            default -> List.of();
        };
    }

    private List<QueueChange> member(Kind kind, QueueMember member) {
        // told even when nothing differs: a pause repeated with the same reason is the evidence an action awaits
        draft(member.queue()).members.put(member.device(), member);
        return List.of(new QueueChange(kind, member.queue(), member, null));
    }

    private QueueChange call(Kind kind, AmiEvent event, Instant now) {
        QueueCaller caller = QueueEvents.putThrough(event, now);
        QueueMember agent = draft(caller.queue()).members.get(event.get("Interface").orElse(""));
        return new QueueChange(kind, caller.queue(), agent, caller);
    }

    private static QueueChange callerChange(Kind kind, QueueCaller caller) {
        return new QueueChange(kind, caller.queue(), null, caller);
    }

    private QueueDraft draft(String name) {
        return queues.computeIfAbsent(name, QueueDraft::new);
    }

    private List<QueueChange> listed(AmiEvent event, Instant now) {
        switch (event.name()) {
            case "QueueParams" -> listing.queue(QueueEvents.queue(event),
                    Duration.ofSeconds(QueueEvents.number(event, "ServiceLevel")));
            case "QueueMember" -> listing.member(QueueEvents.member(event));
            case "QueueEntry" -> listing.caller(QueueEvents.waiting(event, now));
            case "QueueStatusComplete" -> {
                reconcile(listing);
                listing = null;
                return List.of(new QueueChange(RESYNCED, "", null, null));
            }
            default -> { }
        }
        return List.of();
    }

    /** The listing's queues become the board's, keeping the day's figures and the members since logged out. */
    private void reconcile(QueueListing listed) {
        Map<String, QueueDraft> before = new LinkedHashMap<>(queues);
        queues.clear();
        listed.queues().forEach((name, serviceLevel) -> {
            QueueDraft queue = before.getOrDefault(name, new QueueDraft(name));
            Map<String, QueueMember> members = new LinkedHashMap<>();
            queue.members.values().forEach(member -> members.put(member.device(), member.loggedOut()));
            listed.members(name).forEach(member -> members.put(member.device(), member));
            queue.members.clear();
            queue.members.putAll(members);
            queue.callers.clear();
            listed.callers(name).forEach(queue::join);
            queue.serviceLevel = serviceLevel;
            queues.put(name, queue);
        });
    }
}

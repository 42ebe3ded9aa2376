package org.amicus.cti;

/**
 * One change to the queues.
 *
 * @param kind   what happened
 * @param queue  the queue's name; empty for {@link Kind#RESYNCED}
 * @param member the member as it is now (for a call answered or completed: the agent who took it); {@code null} for
 *               changes of callers and for {@link Kind#RESYNCED}
 * @param caller the caller concerned; {@code null} for changes of members and for {@link Kind#RESYNCED}
 */
public record QueueChange(Kind kind, String queue, QueueMember member, QueueCaller caller) {

    public enum Kind {
        /** A member logged in ({@code QueueMemberAdded}). */
        MEMBER_ADDED,
        /** A member's state or pause changed ({@code QueueMemberStatus}, {@code QueueMemberPause}). */
        MEMBER_CHANGED,
        /** A member logged out ({@code QueueMemberRemoved}); {@link #member} is {@link MemberState#LOGGED_OUT}. */
        MEMBER_REMOVED,
        /** A caller joined the queue ({@code QueueCallerJoin}). */
        CALLER_JOINED,
        /** A caller hung up while waiting ({@code QueueCallerAbandon}); {@link #CALLER_LEFT} follows. */
        CALLER_ABANDONED,
        /** A caller no longer waits: put through, abandoned or timed out ({@code QueueCallerLeave}). */
        CALLER_LEFT,
        /** An agent answered a caller ({@code AgentConnect}): both member and caller are given. */
        CALL_ANSWERED,
        /**
         * A call taken from the queue has ended ({@code AgentComplete}): both member and caller are given, e.g. to
         * ask the agent for the call's disposition.
         */
        CALL_COMPLETED,
        /** The queues were checked against the PBX ({@code QueueStatus}): read the snapshot again. */
        RESYNCED
    }
}

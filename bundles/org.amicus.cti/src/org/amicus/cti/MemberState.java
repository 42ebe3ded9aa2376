package org.amicus.cti;

/** What a queue member is doing, as a wallboard shows it. */
public enum MemberState {
    /** Logged in, not paused, its phone idle: the queue may ring it. */
    AVAILABLE,
    /** Its phone rings. */
    RINGING,
    /** Its phone is in a call (or on hold), whether or not it is paused. */
    IN_CALL,
    /** Paused, its phone idle; see {@link QueueMember#pauseReason()}. */
    PAUSED,
    /** Its phone is not reachable (not registered, or no such device). */
    UNAVAILABLE,
    /** No longer a member: it logged out (or was logged out) since the desktop connected. */
    LOGGED_OUT;

    /**
     * The state from what the PBX reports of a member.
     *
     * @param deviceStatus the member's {@code Status}: Asterisk's device state, 1 idle, 2 in use, 3 busy, 4 invalid,
     *                     5 unavailable, 6 ringing, 7 ringing while in use, 8 on hold
     */
    public static MemberState of(int deviceStatus, boolean paused, boolean inCall) {
        if (deviceStatus == 6 || deviceStatus == 7) {
            return RINGING;
        }
        if (inCall || deviceStatus == 2 || deviceStatus == 3 || deviceStatus == 8) {
            return IN_CALL;
        }
        if (paused) {
            return PAUSED;
        }
        return deviceStatus == 4 || deviceStatus == 5 ? UNAVAILABLE : AVAILABLE;
    }
}

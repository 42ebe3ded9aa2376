package org.amicus.cti;

/**
 * A member (agent) of one queue, as the PBX last reported it. Immutable.
 *
 * @param queue       the queue's name, e.g. {@code support}
 * @param device      the member's interface, e.g. {@code PJSIP/104}
 * @param name        the member's name, e.g. {@code Agent 104} (the interface when it has none)
 * @param dynamic     whether it logged in (and may log out); static members are set in the PBX's configuration
 * @param state       what it is doing
 * @param paused      whether it is paused, whatever its phone does
 * @param pauseReason why it is paused, as given to the PBX; empty when not paused or paused without a reason
 * @param callsTaken  calls it answered from this queue since it logged in (as the PBX counts them)
 */
public record QueueMember(String queue, String device, String name, boolean dynamic, MemberState state,
        boolean paused, String pauseReason, int callsTaken) {

    /** The same member, no longer in the queue. */
    public QueueMember loggedOut() {
        return new QueueMember(queue, device, name, dynamic, MemberState.LOGGED_OUT, false, "", callsTaken);
    }

    public boolean loggedIn() {
        return state != MemberState.LOGGED_OUT;
    }
}

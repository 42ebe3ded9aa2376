package org.amicus.cti;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * What an agent does with the queues, for the phone of the {@link AgentProfiles current agent profile} (or, for a
 * supervisor, another member's: {@link #forMember}). Each action completes once the PBX has shown it done, with the
 * members as the PBX then reported them ({@code QueueMemberAdded}, {@code QueueMemberRemoved}, {@code QueueMemberPause}
 * with the reason), one per queue; or exceptionally with a {@link CtiException} saying why it cannot be done (no
 * device set, no such queue, not logged in, a reason not in the catalogue, refused by the PBX, not shown done within
 * {@link #EVIDENCE_LIMIT}) or an {@link org.amicus.ami.AmiException} (e.g. an
 * {@link org.amicus.ami.AmiPermissionException}: these actions need write permission "agent"). Available as an OSGi
 * service.
 */
public interface QueueActions {

    /** How long an action waits for the PBX to show it done. */
    Duration EVIDENCE_LIMIT = Duration.ofSeconds(10);

    /** The queues this member is logged in to now. */
    List<CallQueue> myQueues();

    /** Logs in to one queue (as a dynamic member). */
    CompletableFuture<List<QueueMember>> logIn(String queue);

    /** Logs in to every queue of the PBX not logged in to yet. */
    CompletableFuture<List<QueueMember>> logInAll();

    /** Logs out of one queue. */
    CompletableFuture<List<QueueMember>> logOut(String queue);

    /** Logs out of every queue logged in to dynamically (static members stay: the PBX's configuration sets them). */
    CompletableFuture<List<QueueMember>> logOutAll();

    /** Pauses in one queue with a reason from {@link #pauseReasons()} (or free text if allowed; empty for none). */
    CompletableFuture<List<QueueMember>> pause(String queue, String reason);

    /** Pauses in every queue logged in to, with one reason. */
    CompletableFuture<List<QueueMember>> pauseAll(String reason);

    CompletableFuture<List<QueueMember>> unpause(String queue);

    CompletableFuture<List<QueueMember>> unpauseAll();

    /** The reasons a pause may give, as the administrator set them. */
    PauseReasons pauseReasons();

    /**
     * The same actions for another member, e.g. {@code PJSIP/105}: for a supervisor pausing or logging out an agent.
     */
    QueueActions forMember(String device);
}

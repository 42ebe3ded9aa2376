package org.amicus.cti.internal;

import static org.amicus.cti.QueueChange.Kind.MEMBER_ADDED;
import static org.amicus.cti.QueueChange.Kind.MEMBER_CHANGED;
import static org.amicus.cti.QueueChange.Kind.MEMBER_REMOVED;
import static org.amicus.cti.internal.Attempts.attempt;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

import org.amicus.cti.AgentProfile;
import org.amicus.cti.AgentProfiles;
import org.amicus.cti.AutoAnswer;
import org.amicus.cti.CallQueue;
import org.amicus.cti.CtiException;
import org.amicus.cti.PauseReasons;
import org.amicus.cti.QueueActions;
import org.amicus.cti.QueueChange;
import org.amicus.cti.QueueMember;
import org.amicus.cti.QueueRegistry;
import org.amicus.ami.AmiConnection;
import org.asteriskjava.manager.action.ManagerAction;
import org.asteriskjava.manager.action.QueueAddAction;
import org.asteriskjava.manager.action.QueuePauseAction;
import org.asteriskjava.manager.action.QueueRemoveAction;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/** {@link QueueActions} as app_queue's AMI actions, checked against the live queues first. */
@Component(service = QueueActions.class)
public class AmiQueueActions implements QueueActions {

    private static final Duration ACTION_TIMEOUT = Duration.ofSeconds(10);

    @Reference
    private AmiConnection connection;
    @Reference
    private QueueRegistry registry;
    @Reference
    private AgentProfiles profiles;
    /** The member these actions are for; {@code null} for the current agent profile's phone. */
    private final String chosenDevice;
    /** Where outcomes complete: what callers chain on them runs there. Shared with the copies for other members. */
    private final ExecutorService handOff;

    public AmiQueueActions() {
        chosenDevice = null;
        handOff = Executors.newCachedThreadPool(Thread.ofPlatform().name("amicus-queue-callbacks").daemon().factory());
    }

    /** The same services, acting for another member. */
    private AmiQueueActions(AmiQueueActions services, String device) {
        connection = services.connection;
        registry = services.registry;
        profiles = services.profiles;
        handOff = services.handOff;
        chosenDevice = device;
    }

    @Deactivate
    void deactivate() {
        handOff.shutdown();
    }

    @Override
    public QueueActions forMember(String device) {
        return new AmiQueueActions(this, device);
    }

    @Override
    public List<CallQueue> myQueues() {
        return registry.snapshot().queuesOf(device());
    }

    @Override
    public PauseReasons pauseReasons() {
        return PreferencePauseReasons.read();
    }

    @Override
    public CompletableFuture<List<QueueMember>> logIn(String queue) {
        return attempt(() -> {
            String me = device();
            if (queue(queue).hasMember(me)) {
                throw CtiException.of("loggedInAlready", me, queue);
            }
            return logIn(me, List.of(queue));
        });
    }

    @Override
    public CompletableFuture<List<QueueMember>> logInAll() {
        return attempt(() -> {
            String me = device();
            List<String> queues = registry.snapshot().queues().stream().filter(queue -> !queue.hasMember(me))
                    .map(CallQueue::name).toList();
            if (queues.isEmpty()) {
                throw CtiException.of("loggedInEverywhere", me);
            }
            return logIn(me, queues);
        });
    }

    private CompletableFuture<List<QueueMember>> logIn(String me, List<String> queues) {
        return act(me, queues, change -> change.kind() == MEMBER_ADDED, "the log-in",
                queues.stream().map(queue -> (ManagerAction) withStateInterface(new QueueAddAction(queue, me)))
                        .toList());
    }

    @Override
    public CompletableFuture<List<QueueMember>> logOut(String queue) {
        return attempt(() -> {
            String me = device();
            QueueMember member = membership(queue(queue), me);
            if (!member.dynamic()) {
                throw CtiException.of("staticMember", me, queue);
            }
            return logOut(me, List.of(queue));
        });
    }

    @Override
    public CompletableFuture<List<QueueMember>> logOutAll() {
        return attempt(() -> {
            String me = device();
            List<String> queues = registry.snapshot().queuesOf(me).stream()
                    .filter(queue -> queue.member(me).orElseThrow().dynamic()).map(CallQueue::name).toList();
            if (queues.isEmpty()) {
                throw CtiException.of("noQueueToLeave", me);
            }
            return logOut(me, queues);
        });
    }

    private CompletableFuture<List<QueueMember>> logOut(String me, List<String> queues) {
        return act(me, queues, change -> change.kind() == MEMBER_REMOVED, "the log-out",
                queues.stream().map(queue -> (ManagerAction) new QueueRemoveAction(queue, me)).toList());
    }

    @Override
    public CompletableFuture<List<QueueMember>> pause(String queue, String reason) {
        return attempt(() -> setPaused(List.of(queue), true, reason));
    }

    @Override
    public CompletableFuture<List<QueueMember>> pauseAll(String reason) {
        return attempt(() -> setPaused(null, true, reason));
    }

    @Override
    public CompletableFuture<List<QueueMember>> unpause(String queue) {
        return attempt(() -> setPaused(List.of(queue), false, ""));
    }

    @Override
    public CompletableFuture<List<QueueMember>> unpauseAll() {
        return attempt(() -> setPaused(null, false, ""));
    }

    /** Pauses or unpauses in these queues, or in all of mine ({@code null}) with one action the PBX applies to all. */
    private CompletableFuture<List<QueueMember>> setPaused(List<String> queues, boolean paused, String reason) {
        String me = device();
        String given = reason == null ? "" : reason.strip();
        pauseReasons().problem(given).ifPresent(problem -> {
            throw new CtiException(problem);
        });
        List<String> acted = queues != null ? queues : myQueues().stream().map(CallQueue::name).toList();
        if (acted.isEmpty()) {
            throw CtiException.of("inNoQueue", me);
        }
        acted.forEach(queue -> membership(queue(queue), me));
        QueuePauseAction action = new QueuePauseAction(me, queues == null ? null : queues.get(0), paused);
        if (paused && !given.isEmpty()) {
            action.setReason(given);
        }
        Predicate<QueueChange> proof = change -> change.kind() == MEMBER_CHANGED && change.member().paused() == paused
                && (!paused || change.member().pauseReason().equals(given));
        return act(me, acted, proof, paused ? "the pause" : "the end of the pause", List.of(action));
    }

    /** Sends the actions once listening for their evidence: the members as the PBX shows them done. */
    private CompletableFuture<List<QueueMember>> act(String me, Collection<String> queues,
            Predicate<QueueChange> proof, String what, List<ManagerAction> actions) {
        QueueEvidence evidence = QueueEvidence.await(registry, me, new LinkedHashSet<>(queues), proof,
                what + " of " + me + " in " + String.join(", ", queues), EVIDENCE_LIMIT, handOff);
        actions.forEach(action -> connection.send(action, ACTION_TIMEOUT).whenComplete((response, failure) -> {
            if (failure != null) {
                evidence.fail(failure instanceof CompletionException wrapped ? wrapped.getCause() : failure);
            }
        }));
        return evidence.members();
    }

    private static QueueAddAction withStateInterface(QueueAddAction add) {
        add.setStateInterface(add.getInterface()); // the phone's state is the member's
        return add;
    }

    private CallQueue queue(String name) {
        return registry.snapshot().byName(name == null ? "" : name)
                .orElseThrow(() -> CtiException.of("noSuchQueue", name));
    }

    private static QueueMember membership(CallQueue queue, String device) {
        return queue.member(device).filter(QueueMember::loggedIn)
                .orElseThrow(() -> CtiException.of("notLoggedIn", device, queue.name()));
    }

    /** The member acted for: the chosen one, or my phone. */
    private String device() {
        // a chosen member's name gets the profile's check of a device name, so that both say the same of a bad one
        AgentProfile agent = chosenDevice == null ? profiles.current() : new AgentProfile(chosenDevice,
                AutoAnswer.NONE, AgentProfile.UNSET.dialContext(), AgentProfile.UNSET.originateTimeout(), "");
        if (chosenDevice != null && !agent.hasDevice()) {
            throw CtiException.of("nameTheMember");
        }
        if (!agent.hasDevice()) {
            throw CtiException.of("setYourPhone");
        }
        return agent.device();
    }
}

package org.amicus.hub;

import static io.nats.client.support.JsonValueUtils.readString;
import static java.util.Map.entry;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

import org.amicus.ami.OriginateOutcome;
import org.amicus.cti.AgentProfile;
import org.amicus.cti.AutoAnswer;
import org.amicus.cti.Channel;
import org.amicus.cti.Consultation;
import org.amicus.cti.ChannelRegistry;
import org.amicus.cti.ChannelSnapshot;
import org.amicus.cti.CtiActions;
import org.amicus.cti.CtiException;
import org.amicus.cti.ParkedCalls;
import org.amicus.cti.QueueActions;
import org.amicus.cti.SpyMode;
import org.amicus.cti.hub.ConsultationStart;
import org.amicus.cti.hub.Identity;
import org.amicus.cti.hub.RecordJson;

import io.nats.client.support.JsonValue;

/**
 * The {@link CtiActions} and {@link QueueActions} operations as desktops may ask for them, with the role rules: every
 * action rings, or acts on the call of, the asker's own phone (a transfer, park or recording only of its own answered
 * call, and only the asker completes or cancels its consultation); a pick-up only of a ringing call the asker may
 * see, a parked call's retrieval only of one parked from a phone whose calls the asker sees; a hang-up only of the
 * asker's own calls; listen, whisper and barge only by a supervisor, on the calls of the agents of its teams; queue
 * log-in only for oneself, log-out and pauses for oneself or, by a supervisor, for the agents of its teams. A refusal sends nothing to the PBX. A new
 * operation is one entry here: its result goes back as {@link RecordJson} writes it.
 */
final class Operations {

    private static final Duration ORIGINATE_TIMEOUT = Duration.ofSeconds(30);

    private final Map<String, Operation> byName;
    private final Map<String, Consultation> consultations = new ConcurrentHashMap<>();
    private final CtiActions actions;
    private final QueueActions queues;
    private final ParkedCalls parked;
    private final ChannelRegistry registry;
    private final Roster roster;
    private final String dialContext;

    Operations(CtiActions actions, QueueActions queues, ParkedCalls parked, ChannelRegistry registry, Roster roster,
            String dialContext) {
        this.actions = actions;
        this.queues = queues;
        this.parked = parked;
        this.registry = registry;
        this.roster = roster;
        this.dialContext = dialContext;
        byName = Map.ofEntries(
                entry(Identity.OPERATION, (asker, arguments) -> CompletableFuture.completedFuture(
                        new Identity(asker.user(), asker.role().label(), asker.phone(), asker.buckets()).toJson())),
                answer("call", (asker, arguments) -> actionsOf(asker).call(argument(arguments, "number"))),
                answer("playBack", (asker, arguments) -> actionsOf(asker).playBack(argument(arguments, "recording"))),
                answer("pickUp", this::pickUp),
                answer("spy", this::spy),
                answer("hangUp", this::hangUp),
                answer("blindTransfer", (asker, arguments) -> actionsOf(asker).blindTransfer(
                        argument(arguments, "number"))),
                answer("attendedTransfer", this::attendedTransfer),
                answer("completeTransfer", (asker, arguments) -> consultationOf(asker).complete()),
                answer("cancelTransfer", (asker, arguments) -> consultationOf(asker).cancel()),
                answer("transferOutcome", (asker, arguments) -> consultationOf(asker).outcome()
                        .completeOnTimeout(null, ConsultationStart.OUTCOME_POLL.toMillis(), TimeUnit.MILLISECONDS)),
                answer("park", (asker, arguments) -> actionsOf(asker).park()),
                answer("retrieveParked", this::retrieveParked),
                answer("startRecording", (asker, arguments) -> actionsOf(asker).startRecording()),
                answer("stopRecording", (asker, arguments) -> actionsOf(asker).stopRecording()),
                answer("muteRecording", (asker, arguments) -> actionsOf(asker).muteRecording(
                        flag(arguments, "muted"))),
                answer("queueLogIn", (asker, arguments) -> {
                    QueueActions own = queuesOf(asker, arguments, false);
                    return optional(arguments, "queue").map(own::logIn).orElseGet(own::logInAll);
                }),
                answer("queueLogOut", (asker, arguments) -> {
                    QueueActions member = queuesOf(asker, arguments, true);
                    return optional(arguments, "queue").map(member::logOut).orElseGet(member::logOutAll);
                }),
                answer("queuePause", (asker, arguments) -> {
                    QueueActions member = queuesOf(asker, arguments, true);
                    String reason = optional(arguments, "reason").orElse("");
                    return optional(arguments, "queue").map(queue -> member.pause(queue, reason))
                            .orElseGet(() -> member.pauseAll(reason));
                }),
                answer("queueUnpause", (asker, arguments) -> {
                    QueueActions member = queuesOf(asker, arguments, true);
                    return optional(arguments, "queue").map(member::unpause).orElseGet(member::unpauseAll);
                }));
    }

    Optional<Operation> named(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    private CompletableFuture<OriginateOutcome> pickUp(Member asker, JsonValue arguments) {
        String name = argument(arguments, "channel");
        ChannelSnapshot now = registry.snapshot();
        Channel channel = now.byName(name)
                .filter(ringing -> roster.bucketsOf(now.calls().getOrDefault(ringing.linkedId(), List.of())).stream()
                        .anyMatch(asker.buckets()::contains))   // a call that reaches one of the asker's buckets
                .orElseThrow(() -> CtiException.of("notYoursToPickUp", name));
        return actionsOf(asker).pickUp(channel.name());
    }

    private CompletableFuture<OriginateOutcome> spy(Member asker, JsonValue arguments) {
        String name = argument(arguments, "channel");
        SpyMode mode;
        try {
            mode = SpyMode.valueOf(argument(arguments, "mode"));
        } catch (IllegalArgumentException e) {
            throw CtiException.of("badSpyMode");
        }
        if (asker.role() != Role.SUPERVISOR) {
            throw CtiException.of("onlySupervisorSpies");
        }
        Channel channel = registry.snapshot().byName(name)
                .filter(target -> roster.ownerOf(target).filter(asker::supervises).isPresent())
                .orElseThrow(() -> CtiException.of("notYourTeam", name));
        return actionsOf(asker).spy(channel.name(), mode);
    }

    private CompletableFuture<ConsultationStart> attendedTransfer(Member asker, JsonValue arguments) {
        return actionsOf(asker).attendedTransfer(argument(arguments, "number")).thenApply(consultation -> {
            consultations.put(asker.user(), consultation);
            return new ConsultationStart(consultation.transferee(), consultation.target());
        });
    }

    /** The asker's latest consultation, ended or not: its end may still be asked for after it came. */
    private Consultation consultationOf(Member asker) {
        return Optional.ofNullable(consultations.get(asker.user()))
                .orElseThrow(() -> CtiException.of("noConsultation"));
    }

    private CompletableFuture<OriginateOutcome> retrieveParked(Member asker, JsonValue arguments) {
        String space = argument(arguments, "space");
        parked.inSpace(space).flatMap(call -> roster.withPhone(call.parkedBy()))
                .filter(parker -> asker.buckets().contains(parker.phoneBucket()))   // parked by a phone it sees
                .orElseThrow(() -> CtiException.of("notParkedForYou", space));
        return actionsOf(asker).retrieveParked(space);
    }

    /**
     * The queue actions for the request's {@code member} (a phone, e.g. {@code PJSIP/106}; the asker's own if absent):
     * an agent acts for itself only; a supervisor also for the agents of its teams, if the operation lets it.
     */
    private QueueActions queuesOf(Member asker, JsonValue arguments, boolean supervisorMay) {
        String phone = optional(arguments, "member").orElse(asker.phone());
        if (!phone.equals(asker.phone())) {
            if (!supervisorMay || asker.role() != Role.SUPERVISOR) {
                throw CtiException.of(supervisorMay ? "onlySupervisorActsForOthers" : "logInOnlyYourself");
            }
            roster.withPhone(phone).filter(asker::supervises)
                    .orElseThrow(() -> CtiException.of("notAgentOfYourTeams", phone));
        }
        return queues.forMember(phone);
    }

    private CompletableFuture<Void> hangUp(Member asker, JsonValue arguments) {
        String id = argument(arguments, "channel");
        Optional<Channel> live = registry.snapshot().byUniqueId(id).or(() -> registry.snapshot().byName(id));
        if (live.isEmpty()) {
            return CompletableFuture.completedFuture(null); // already ended: nothing to send
        }
        Channel channel = live.get();
        if (!channel.device().equals(asker.phone())) {
            throw CtiException.of("notYourCall", channel.name());
        }
        return actionsOf(asker).hangUp(channel.uniqueId());
    }

    private CtiActions actionsOf(Member asker) {
        return actions.as(new AgentProfile(asker.phone(), AutoAnswer.CALL_INFO, dialContext, ORIGINATE_TIMEOUT, ""));
    }

    private static String argument(JsonValue arguments, String name) {
        return optional(arguments, name).orElseThrow(() -> CtiException.of("requestLacks", name));
    }

    private static Optional<String> optional(JsonValue arguments, String name) {
        return Optional.ofNullable(arguments.map == null ? null : readString(arguments, name));
    }

    private static boolean flag(JsonValue arguments, String name) {
        JsonValue value = arguments.map == null ? null : arguments.map.get(name);
        if (value == null || value.bool == null) {
            throw CtiException.of("requestLacksFlag", name);
        }
        return value.bool;
    }

    /** An operation whose result, whatever its type, is answered as {@link RecordJson} writes it. */
    private static Map.Entry<String, Operation> answer(String name,
            BiFunction<Member, JsonValue, CompletableFuture<?>> action) {
        return entry(name, (asker, arguments) -> action.apply(asker, arguments).thenApply(RecordJson::of));
    }
}

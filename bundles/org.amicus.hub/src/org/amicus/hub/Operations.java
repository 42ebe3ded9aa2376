package org.amicus.hub;

import static io.nats.client.support.JsonValueUtils.readString;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.amicus.ami.OriginateOutcome;
import org.amicus.cti.AgentProfile;
import org.amicus.cti.AutoAnswer;
import org.amicus.cti.Channel;
import org.amicus.cti.ChannelRegistry;
import org.amicus.cti.ChannelSnapshot;
import org.amicus.cti.CtiActions;
import org.amicus.cti.CtiException;
import org.amicus.cti.SpyMode;
import org.amicus.cti.hub.ActionReplies;
import org.amicus.cti.hub.Identity;

import io.nats.client.support.JsonValue;

/**
 * The {@link CtiActions} operations as desktops may ask for them, with the role rules: every action rings the
 * asker's own phone; a pick-up only of a ringing call the asker may see; a hang-up only of the asker's own calls;
 * listen, whisper and barge only by a supervisor, on the calls of the agents of its teams. A refusal sends nothing to
 * the PBX.
 */
final class Operations {

    private static final Duration ORIGINATE_TIMEOUT = Duration.ofSeconds(30);

    private final Map<String, Operation> byName;
    private final CtiActions actions;
    private final ChannelRegistry registry;
    private final Roster roster;
    private final String dialContext;

    Operations(CtiActions actions, ChannelRegistry registry, Roster roster, String dialContext) {
        this.actions = actions;
        this.registry = registry;
        this.roster = roster;
        this.dialContext = dialContext;
        byName = Map.of(
                Identity.OPERATION, (asker, arguments) -> CompletableFuture.completedFuture(
                        new Identity(asker.user(), asker.role().label(), asker.phone(), asker.buckets()).toJson()),
                "call", originate((asker, arguments) -> actionsOf(asker).call(argument(arguments, "number"))),
                "playBack", originate((asker, arguments) -> actionsOf(asker).playBack(argument(arguments,
                        "recording"))),
                "pickUp", originate(this::pickUp),
                "spy", originate(this::spy),
                "hangUp", this::hangUp);
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

    private CompletableFuture<JsonValue> hangUp(Member asker, JsonValue arguments) {
        String id = argument(arguments, "channel");
        Optional<Channel> live = registry.snapshot().byUniqueId(id).or(() -> registry.snapshot().byName(id));
        if (live.isEmpty()) {
            return CompletableFuture.completedFuture(JsonValue.NULL); // already ended: nothing to send
        }
        Channel channel = live.get();
        if (!channel.device().equals(asker.phone())) {
            throw CtiException.of("notYourCall", channel.name());
        }
        return actionsOf(asker).hangUp(channel.uniqueId()).thenApply(done -> JsonValue.NULL);
    }

    private CtiActions actionsOf(Member asker) {
        return actions.as(new AgentProfile(asker.phone(), AutoAnswer.CALL_INFO, dialContext, ORIGINATE_TIMEOUT, ""));
    }

    private static String argument(JsonValue arguments, String name) {
        String value = arguments.map == null ? null : readString(arguments, name);
        if (value == null) {
            throw CtiException.of("requestLacks", name);
        }
        return value;
    }

    private static Operation originate(BiFunction<Member, JsonValue, CompletableFuture<OriginateOutcome>> action) {
        Function<OriginateOutcome, JsonValue> toJson = ActionReplies::outcome;
        return (asker, arguments) -> action.apply(asker, arguments).thenApply(toJson);
    }
}

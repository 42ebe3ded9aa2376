package org.amicus.cti.hub.internal;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import org.amicus.ami.OriginateOutcome;
import org.amicus.cti.AgentProfile;
import org.amicus.cti.AttendedTransferOutcome;
import org.amicus.cti.ChannelRegistry;
import org.amicus.cti.ChannelSnapshot;
import org.amicus.cti.Consultation;
import org.amicus.cti.CtiActions;
import org.amicus.cti.CtiException;
import org.amicus.cti.Inputs;
import org.amicus.cti.ParkOutcome;
import org.amicus.cti.RecordingState;
import org.amicus.cti.SpyMode;
import org.amicus.cti.TransferOutcome;
import org.amicus.cti.hub.ConsultationStart;
import org.amicus.cti.hub.HubStatus;

import io.nats.client.support.JsonValue;

/**
 * {@link CtiActions} asked of the hub, which checks them against the user's role and rings the user's phone from
 * its roster. What can be checked here (a number's form, say) is, so that a typing slip does not travel. Until the
 * hub has said who the user is, every action fails with "Not connected to the hub"; while no hub serves, with what
 * {@link HubStatus} says.
 */
public final class NatsCtiActions implements CtiActions {

    private final HubHeartbeat status;
    private final ChannelRegistry registry;
    /** What the hub answered to this desktop's recording actions, by the channel recorded. */
    private final Map<String, RecordingState> recordings = new ConcurrentHashMap<>();
    private volatile HubRequests hub;
    private volatile String phone;

    /**
     * @param status   whether a hub serves now: while none does, actions are refused with its words
     * @param registry the channels the hub shows this desktop, where my calls are found
     */
    public NatsCtiActions(HubHeartbeat status, ChannelRegistry registry) {
        this.status = status;
        this.registry = registry;
    }

    /** From now on, actions are asked of the hub, which rings this phone. */
    public void connected(HubRequests requests, String userPhone) {
        phone = userPhone;
        hub = requests;
    }

    @Override
    public CompletableFuture<OriginateOutcome> call(String number) {
        return Inputs.numberProblem(number).<CompletableFuture<OriginateOutcome>>map(NatsCtiActions::refused)
                .orElseGet(() -> originate("call", Map.of("number", new JsonValue(number))));
    }

    @Override
    public CompletableFuture<OriginateOutcome> pickUp(String ringingChannel) {
        return originate("pickUp", Map.of("channel", new JsonValue(ringingChannel)));
    }

    @Override
    public CompletableFuture<OriginateOutcome> playBack(String recording) {
        return Inputs.recordingProblem(recording).<CompletableFuture<OriginateOutcome>>map(NatsCtiActions::refused)
                .orElseGet(() -> originate("playBack", Map.of("recording", new JsonValue(recording))));
    }

    @Override
    public CompletableFuture<OriginateOutcome> spy(String channel, SpyMode mode) {
        return originate("spy", Map.of("channel", new JsonValue(channel), "mode", new JsonValue(mode.name())));
    }

    /** The hub rings the phone of the user's roster entry: another phone cannot be asked for. */
    @Override
    public CtiActions as(AgentProfile agent) {
        if (hub == null || agent.device().equals(phone)) {
            return this;
        }
        throw CtiException.of("hubOwnPhone", phone, agent.device());
    }

    @Override
    public CompletableFuture<TransferOutcome> blindTransfer(String number) {
        return Inputs.numberProblem(number).<CompletableFuture<TransferOutcome>>map(NatsCtiActions::refused)
                .orElseGet(() -> ask("blindTransfer", Map.of("number", new JsonValue(number)),
                        TransferOutcome.class));
    }

    @Override
    public CompletableFuture<Consultation> attendedTransfer(String number) {
        return Inputs.numberProblem(number).<CompletableFuture<Consultation>>map(NatsCtiActions::refused)
                .orElseGet(() -> ask("attendedTransfer", Map.of("number", new JsonValue(number)),
                        ConsultationStart.class).thenApply(start -> new HubConsultation(
                                operation -> ask(operation, Map.of(), AttendedTransferOutcome.class), start)));
    }

    @Override
    public CompletableFuture<ParkOutcome> park() {
        return ask("park", Map.of(), ParkOutcome.class);
    }

    @Override
    public CompletableFuture<OriginateOutcome> retrieveParked(String space) {
        return originate("retrieveParked", Map.of("space", new JsonValue(space)));
    }

    @Override
    public CompletableFuture<RecordingState> startRecording() {
        return recording("startRecording", Map.of());
    }

    @Override
    public CompletableFuture<RecordingState> stopRecording() {
        return recording("stopRecording", Map.of());
    }

    @Override
    public CompletableFuture<RecordingState> muteRecording(boolean muted) {
        return recording("muteRecording", Map.of("muted", new JsonValue(muted)));
    }

    /**
     * As this desktop's recording actions left my answered call: a recording started otherwise (by the dialplan, or
     * from another desktop of mine) is not known here.
     */
    @Override
    public Optional<RecordingState> myRecording() {
        String mine = phone;
        if (mine == null) {
            return Optional.empty();
        }
        ChannelSnapshot now = registry.snapshot();
        recordings.keySet().removeIf(channelId -> now.byUniqueId(channelId).isEmpty());
        return now.answeredOn(mine).stream().findFirst().map(call -> recordings.getOrDefault(call.uniqueId(),
                new RecordingState(call.uniqueId(), call.name(), false, false)));
    }

    private CompletableFuture<RecordingState> recording(String operation, Map<String, JsonValue> arguments) {
        return ask(operation, arguments, RecordingState.class).thenApply(state -> {
            recordings.put(state.channelId(), state);
            return state;
        });
    }

    @Override
    public CompletableFuture<Void> hangUp(String channelId) {
        return ask("hangUp", Map.of("channel", new JsonValue(channelId)), Void.class);
    }

    private CompletableFuture<OriginateOutcome> originate(String operation, Map<String, JsonValue> arguments) {
        return ask(operation, arguments, OriginateOutcome.class);
    }

    private <T> CompletableFuture<T> ask(String operation, Map<String, JsonValue> arguments, Class<T> result) {
        HubRequests requests = hub;
        Optional<CtiException> refusal = requests == null ? Optional.of(CtiException.of("notConnectedToHub"))
                : status.refusal();
        return refusal.isPresent() ? CompletableFuture.failedFuture(refusal.get())
                : requests.ask(operation, arguments, result);
    }

    /** A check failed before asking: the failed future the caller expects. */
    private static <T> CompletableFuture<T> refused(String problem) {
        return CompletableFuture.failedFuture(new CtiException(problem));
    }
}

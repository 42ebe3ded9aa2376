package org.amicus.cti;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.amicus.ami.OriginateOutcome;

/**
 * What an agent can do with one click, from the phone of the {@link AgentProfiles current agent profile}. Each action
 * completes exactly once: with the outcome of the call to the agent's phone if it did not answer; once it answered, with
 * what the PBX showed of the action itself ({@link OriginateOutcome.Result#ACTION_FAILED} with a detail when it
 * failed, e.g. nothing left to pick up); or exceptionally with a
 * {@link CtiException} saying why it cannot be done (no device set, the channel is no longer ringing, a bad number…)
 * or an {@link org.amicus.ami.AmiException} from the PBX. Available as an OSGi service.
 */
public interface CtiActions {

    /** How long {@link #playBack} waits, after my phone answered, for the PBX to say the recording has played. */
    Duration PLAYBACK_LIMIT = Duration.ofMinutes(30);

    /** Rings my phone, then dials the number in my dial context: the outcome is my phone's answer. */
    CompletableFuture<OriginateOutcome> call(String number);

    /**
     * Answers, on my phone, a call ringing on another one: the channel must still ring. Answered once the PBX reports
     * the {@code Pickup}.
     */
    CompletableFuture<OriginateOutcome> pickUp(String ringingChannel);

    /**
     * Rings my phone and plays it a recording known to the PBX, e.g. {@code custom/welcome}. Answered once the PBX says
     * it has played (its {@code PLAYBACKSTATUS}, which an AMI user needs read permission "dialplan" to see), at most
     * {@link #PLAYBACK_LIMIT} after my phone answered.
     */
    CompletableFuture<OriginateOutcome> playBack(String recording);

    /**
     * Rings my phone and joins it to an agent's channel to listen, whisper or barge. Answered once the PBX reports
     * {@code ChanSpyStart}.
     */
    CompletableFuture<OriginateOutcome> spy(String channel, SpyMode mode);

    /**
     * The same actions from the phone of this agent profile instead of the stored one: for a script that names its
     * phone, say. The stored profile is left as it is.
     */
    CtiActions as(AgentProfile agent);

    /**
     * Blind transfer: sends the other party of my current call (my phone's answered call) to a number in my dial
     * context, a colleague's extension or a queue's, and leaves the call. Completes with the PBX's
     * {@code BlindTransfer} event, at most {@link #TRANSFER_LIMIT} after the PBX accepted it; fails with a
     * {@link CtiException} when I have no answered call, the number is bad, or this implementation cannot transfer.
     */
    default CompletableFuture<TransferOutcome> blindTransfer(String number) {
        return CompletableFuture.failedFuture(CtiException.of("transferUnavailable"));
    }

    /** How long {@link #blindTransfer} waits for the PBX to report the transfer it accepted. */
    Duration TRANSFER_LIMIT = Duration.ofSeconds(10);

    /**
     * Attended transfer: puts the other party of my current call on hold and rings a number in my dial context, a
     * colleague's extension or a queue's, for me to consult. Completes once my phone is in the consultation (the
     * target ringing or answered), at most {@link #TRANSFER_LIMIT} after the PBX accepted it, with the
     * {@link Consultation} to complete or cancel; fails with a {@link CtiException} when I have no answered call, the
     * number is bad or unknown to the PBX, or this implementation cannot transfer.
     */
    default CompletableFuture<Consultation> attendedTransfer(String number) {
        return CompletableFuture.failedFuture(CtiException.of("attendedTransferUnavailable"));
    }

    /**
     * Starts recording my phone's answered call into a file whose name Amicus chooses. Completes once the PBX reports
     * {@code MixMonitorStart}, at most {@link #RECORDING_LIMIT} after the request; fails with a {@link CtiException}
     * when I have no answered call, it is recorded already, or this implementation cannot record.
     */
    default CompletableFuture<RecordingState> startRecording() {
        return CompletableFuture.failedFuture(CtiException.of("recordingUnavailable"));
    }

    /** Stops recording my phone's answered call, once the PBX reports {@code MixMonitorStop}; refused if not recorded. */
    default CompletableFuture<RecordingState> stopRecording() {
        return CompletableFuture.failedFuture(CtiException.of("recordingUnavailable"));
    }

    /**
     * Mutes (records silence, both directions) or unmutes the recording of my phone's answered call, once the PBX
     * reports {@code MixMonitorMute}; refused if not recorded.
     */
    default CompletableFuture<RecordingState> muteRecording(boolean muted) {
        return CompletableFuture.failedFuture(CtiException.of("recordingUnavailable"));
    }

    /** Whether my phone's answered call is being recorded (and muted), as the PBX last reported; empty if no call. */
    default Optional<RecordingState> myRecording() {
        return Optional.empty();
    }

    /** How long the recording actions wait for the PBX's event about the request it accepted. */
    Duration RECORDING_LIMIT = Duration.ofSeconds(10);

    /**
     * Parks the other party of my current call (my phone's answered call) in the PBX's parking lot, and leaves the
     * call. Completes with the parking space from the PBX's {@code ParkedCall} event, at most {@link #PARK_LIMIT}
     * after the PBX accepted the park; fails with a {@link CtiException} when I have no answered call or this
     * implementation cannot park, or with an {@link org.amicus.ami.AmiException} when the PBX refuses.
     */
    default CompletableFuture<ParkOutcome> park() {
        return CompletableFuture.failedFuture(CtiException.of("parkingUnavailable"));
    }

    /** How long {@link #park} waits for the PBX to report the park it accepted. */
    Duration PARK_LIMIT = Duration.ofSeconds(10);

    /**
     * Retrieves a parked call to my phone: rings my phone, then connects it to the call waiting in a parking space (as
     * {@link ParkedCalls} lists it), e.g. {@code 801}. Answered once the PBX reports the {@code UnParkedCall} by my
     * phone; {@link OriginateOutcome.Result#ACTION_FAILED} if my phone answered but the call no longer waited there
     * (retrieved by someone else, or gone). Fails with a {@link CtiException} when no call is parked in that space or
     * this implementation cannot retrieve.
     */
    default CompletableFuture<OriginateOutcome> retrieveParked(String space) {
        return CompletableFuture.failedFuture(CtiException.of("retrieveUnavailable"));
    }

    /**
     * Ends a session of mine (a spy or playback), given its outcome's channel id (or the channel's name); done if it
     * has ended already. Only a live channel of my own phone is hung up: anything else is refused with a
     * {@link CtiException}, and nothing is sent to the PBX.
     */
    CompletableFuture<Void> hangUp(String channelId);
}

package org.amicus.cti.internal;

import static org.amicus.cti.internal.Attempts.attempt;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.amicus.ami.AmiConnection;
import org.amicus.ami.AmiException;
import org.amicus.ami.AmiProfile;
import org.amicus.ami.OriginateOutcome;
import org.amicus.ami.OriginateRequest;
import org.amicus.cti.AgentProfile;
import org.amicus.cti.AgentProfiles;
import org.amicus.cti.AttendedTransferOutcome;
import org.amicus.cti.Consultation;
import org.amicus.cti.Channel;
import org.amicus.cti.ChannelRegistry;
import org.amicus.cti.ChannelSnapshot;
import org.amicus.cti.CtiActions;
import org.amicus.cti.CtiException;
import org.amicus.cti.Inputs;
import org.amicus.cti.RecordingState;
import org.amicus.cti.ParkOutcome;
import org.amicus.cti.ParkedCall;
import org.amicus.cti.ParkedCalls;
import org.amicus.cti.SpyMode;
import org.amicus.cti.TransferOutcome;
import org.asteriskjava.manager.action.AtxferAction;
import org.asteriskjava.manager.action.HangupAction;
import org.asteriskjava.manager.action.MixMonitorAction;
import org.asteriskjava.manager.action.MixMonitorMuteAction;
import org.asteriskjava.manager.action.StopMixMonitorAction;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@link CtiActions} as AMI originates from the agent's phone, checked against the live channels first. */
@Component(service = CtiActions.class)
public class AmiCtiActions implements CtiActions {

    private static final Duration HANGUP_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration ACTION_TIMEOUT = Duration.ofSeconds(10);
    /** PickupChan and ChanSpy show what they did within milliseconds of my phone's answer; this is ample. */
    private static final Duration EVIDENCE_LIMIT = Duration.ofSeconds(10);
    /** A channel's unique id, as Asterisk or Amicus makes it: never a name, never a pattern. */
    private static final Pattern UNIQUE_ID = Pattern.compile("[A-Za-z0-9._-]{1,128}");

    @Reference
    private AmiConnection connection;
    @Reference
    private ChannelRegistry registry;
    @Reference
    private AgentProfiles profiles;
    @Reference
    private ActionEvidence evidence;
    @Reference
    private TransferEvidence transfers;
    @Reference
    private ConsultationEvidence consultations;
    @Reference
    private RecordingEvidence recordings;
    @Reference
    private ParkEvidence parking;
    @Reference
    private ParkedCalls parkedCalls;
    /** The agent these actions are for; {@code null} for the stored profile's. */
    private AgentProfile chosenAgent;

    @Override
    public CtiActions as(AgentProfile agent) {
        AmiCtiActions actions = new AmiCtiActions();
        actions.connection = connection;
        actions.registry = registry;
        actions.profiles = profiles;
        actions.evidence = evidence;
        actions.transfers = transfers;
        actions.consultations = consultations;
        actions.recordings = recordings;
        actions.parking = parking;
        actions.parkedCalls = parkedCalls;
        actions.chosenAgent = Objects.requireNonNull(agent, "agent");
        return actions;
    }

    @Override
    public CompletableFuture<OriginateOutcome> call(String number) {
        return attempt(() -> {
            Inputs.numberProblem(number).ifPresent(problem -> {
                throw new CtiException(problem);
            });
            AgentProfile agent = agent();
            return connection.originate(fromMyPhone(agent).toExtension(agent.dialContext(), number, 1).build());
        });
    }

    @Override
    public CompletableFuture<OriginateOutcome> pickUp(String ringingChannel) {
        return attempt(() -> {
            Channel channel = live(ringingChannel);
            if (!channel.isRinging()) {
                throw CtiException.of(channel.answered() != null ? "noLongerRinging" : "notRinging", channel.name());
            }
            OriginateRequest request = fromMyPhone(agent()).toApplication("PickupChan", channel.name()).build();
            return evidence.confirm(() -> connection.originate(request), ActionProofs.pickUp(channel.name()),
                    EVIDENCE_LIMIT);
        });
    }

    @Override
    public CompletableFuture<OriginateOutcome> playBack(String recording) {
        return attempt(() -> {
            Inputs.recordingProblem(recording).ifPresent(problem -> {
                throw new CtiException(problem);
            });
            OriginateRequest request = fromMyPhone(agent()).toApplication("Playback", recording).build();
            return evidence.confirm(() -> connection.originate(request), ActionProofs.playBack(recording),
                    PLAYBACK_LIMIT);
        });
    }

    @Override
    public CompletableFuture<OriginateOutcome> spy(String target, SpyMode mode) {
        return attempt(() -> {
            Channel channel = live(target);
            AgentProfile agent = agent();
            if (channel.device().equals(agent.device())) {
                throw CtiException.of("yourOwnPhone", channel.name());
            }
            OriginateRequest request = fromMyPhone(agent)
                    .toApplication("ChanSpy", channel.name() + "," + mode.chanSpyOptions()).build();
            return evidence.confirm(() -> connection.originate(request), ActionProofs.spy(channel.name()),
                    EVIDENCE_LIMIT);
        });
    }

    /**
     * Asterisk takes a regular expression between slashes for Hangup, and one that matches every name hangs up every
     * call: only a live channel of my own phone, as the registry knows it, is ever named to it.
     */
    @Override
    public CompletableFuture<Void> hangUp(String channelId) {
        return attempt(() -> {
            AgentProfile agent = agent();
            ChannelSnapshot channels = registry.snapshot();
            Optional<Channel> live = channels.byUniqueId(channelId).or(() -> channels.byName(channelId));
            if (live.isEmpty() && channelId != null && UNIQUE_ID.matcher(channelId).matches()) {
                return CompletableFuture.completedFuture(null); // ended already
            }
            Channel mine = live.filter(channel -> channel.device().equals(agent.device()))
                    .orElseThrow(() -> CtiException.of("notMySession", channelId, agent.device()));
            return connection.send(new HangupAction(mine.name()), HANGUP_TIMEOUT).handle((response, failure) -> {
                if (failure != null && !String.valueOf(failure.getMessage()).contains("No such channel")) {
                    throw failure instanceof CompletionException completion ? completion
                            : new CompletionException(failure);
                }
                return null; // hung up now, or already gone
            });
        });
    }

    @Override
    public CompletableFuture<TransferOutcome> blindTransfer(String number) {
        return toDialable(number, (mine, context) -> transfer(mine, number, context));
    }

    /**
     * Checks the number's form, that my phone is in no consultation and has an answered call, and that the PBX can
     * dial the number in my dial context, before the transfer gets my channel and that context; any refusal fails the
     * future.
     */
    private <T> CompletableFuture<T> toDialable(String number,
            BiFunction<Channel, String, CompletableFuture<T>> transfer) {
        return attempt(() -> {
            Inputs.numberProblem(number).ifPresent(problem -> {
                throw new CtiException(problem);
            });
            AgentProfile agent = agent();
            refuseWhileConsulting(agent);
            Channel mine = myAnsweredCall(agent);
            return Destinations.checkDialable(connection, number, agent.dialContext())
                    .thenCompose(dialable -> transfer.apply(mine, agent.dialContext()));
        });
    }

    private CompletableFuture<TransferOutcome> transfer(Channel mine, String number, String context) {
        CompletableFuture<TransferOutcome> outcome = transfers.expect(mine.uniqueId());
        connection.send(new BlindTransferAction(mine.name(), number, context), ACTION_TIMEOUT)
                .whenComplete((response, failure) -> {
                    if (failure == null) {
                        transfers.started(mine.uniqueId(), number + "@" + context, TRANSFER_LIMIT);
                    } else {
                        outcome.completeExceptionally(failure instanceof CompletionException wrapped
                                ? wrapped.getCause() : failure);
                    }
                });
        return outcome;
    }

    @Override
    public CompletableFuture<Consultation> attendedTransfer(String number) {
        return toDialable(number, (mine, context) -> consult(mine, number, context));
    }

    private CompletableFuture<Consultation> consult(Channel mine, String number, String context) {
        ConsultationTrack track = consultations.expect(mine.uniqueId(), mine.bridgedWith(), number + "@" + context);
        Executor settled = CompletableFuture.delayedExecutor(consultations.untilSettled(mine.uniqueId()).toMillis(),
                TimeUnit.MILLISECONDS);
        AtxferAction atxfer = new AtxferAction(mine.name(), context, number, 1);
        CompletableFuture.runAsync(() -> { }, settled)
                .thenCompose(ready -> connection.send(atxfer, ACTION_TIMEOUT))
                .whenComplete((response, failure) -> {
                    if (failure == null) {
                        consultations.started(track, TRANSFER_LIMIT);
                    } else {
                        Throwable cause = failure instanceof CompletionException wrapped ? wrapped.getCause() : failure;
                        track.underWay.completeExceptionally(cause);
                        track.outcome.complete(track.ended(AttendedTransferOutcome.Result.FAILED,
                                String.valueOf(cause.getMessage())));
                    }
                });
        return track.underWay.thenApply(started -> new AmiConsultation(connection, consultations, track, mine.name()));
    }

    @Override
    public CompletableFuture<RecordingState> startRecording() {
        return attempt(() -> {
            Channel mine = myAnsweredCall(agent());
            if (recordings.state(mine.uniqueId(), mine.name()).recording()) {
                throw CtiException.of("recordedAlready", mine.name());
            }
            MixMonitorAction start = new MixMonitorAction(mine.name(), recordingFile(mine));
            return recordings.confirm(mine.uniqueId(), RecordingState::recording,
                    () -> connection.send(start, ACTION_TIMEOUT), RECORDING_LIMIT, "the recording's start");
        });
    }

    @Override
    public CompletableFuture<RecordingState> stopRecording() {
        return attempt(() -> {
            Channel mine = myAnsweredCall(agent());
            return recordings.confirm(mine.uniqueId(), state -> !state.recording(),
                    () -> unlessNotRecorded(connection.send(new StopMixMonitorAction(mine.name()), ACTION_TIMEOUT),
                            mine), RECORDING_LIMIT, "the recording's stop");
        });
    }

    @Override
    public CompletableFuture<RecordingState> muteRecording(boolean muted) {
        return attempt(() -> {
            Channel mine = myAnsweredCall(agent());
            MixMonitorMuteAction mute = new MixMonitorMuteAction();
            mute.setChannel(mine.name());
            mute.setDirection("both");
            mute.setState(muted ? 1 : 0);
            return recordings.confirm(mine.uniqueId(), state -> state.muted() == muted,
                    () -> unlessNotRecorded(connection.send(mute, ACTION_TIMEOUT), mine), RECORDING_LIMIT,
                    muted ? "the recording's mute" : "the recording's unmute");
        });
    }

    @Override
    public Optional<RecordingState> myRecording() {
        AgentProfile agent = chosenAgent != null ? chosenAgent : profiles.current();
        if (!agent.hasDevice()) {
            return Optional.empty();
        }
        return myCalls(agent).findFirst().map(mine -> recordings.state(mine.uniqueId(), mine.name()));
    }

    /**
     * A file name of safe characters only, as MixMonitor takes it relative to the PBX's monitor directory: the call's
     * unique id and the time, so that a second recording of a call keeps the first.
     */
    private static String recordingFile(Channel mine) {
        return "amicus-" + mine.uniqueId().replaceAll("[^A-Za-z0-9.-]", "_") + "-" + System.currentTimeMillis()
                + ".wav";
    }

    /**
     * The PBX refuses to stop or mute a recording it is not making: that is my call not being recorded. Asked of the
     * PBX rather than of the events, as a recording may have started before this connection.
     */
    private static CompletableFuture<?> unlessNotRecorded(CompletableFuture<?> sent, Channel mine) {
        return sent.exceptionallyCompose(failure -> {
            Throwable cause = failure instanceof CompletionException wrapped ? wrapped.getCause() : failure;
            return CompletableFuture.failedFuture(cause.getClass() == AmiException.class
                    ? CtiException.of("notRecorded", mine.name()) : cause);
        });
    }

    @Override
    public CompletableFuture<ParkOutcome> park() {
        return attempt(() -> {
            Channel mine = myAnsweredCall(agent());
            Channel other = registry.snapshot().byName(mine.bridgedWith())
                    .orElseThrow(() -> CtiException.of("noLongerExists", mine.bridgedWith()));
            CompletableFuture<ParkOutcome> outcome = parking.expect(other.uniqueId());
            ParkAction parkByMe = new ParkAction(other.name(), mine.name());
            connection.send(parkByMe, ACTION_TIMEOUT).whenComplete((response, failure) -> {
                if (failure == null) {
                    parking.started(other.uniqueId(), other.name(), PARK_LIMIT);
                } else {
                    outcome.completeExceptionally(failure instanceof CompletionException wrapped
                            ? wrapped.getCause() : failure);
                }
            });
            return outcome;
        });
    }

    @Override
    public CompletableFuture<OriginateOutcome> retrieveParked(String space) {
        return attempt(() -> {
            AgentProfile agent = agent();
            ParkedCall parked = parkedCalls.inSpace(space)
                    .orElseThrow(() -> CtiException.of("nothingParked", space));
            OriginateRequest request = fromMyPhone(agent)
                    .toApplication("ParkedCall", parked.lot() + "," + parked.space()).build();
            return evidence.confirm(() -> connection.originate(request), ActionProofs.retrieveParked(parked.space()),
                    EVIDENCE_LIMIT);
        });
    }

    /**
     * While a consultation rings my colleague, my channel is in a bridge of its own and has no answered call: a new
     * transfer then is refused for the consultation, the reason the agent can act on.
     */
    private void refuseWhileConsulting(AgentProfile agent) {
        if (registry.snapshot().channels().stream().anyMatch(channel -> channel.device().equals(agent.device())
                && consultations.following(channel.uniqueId()))) {
            throw CtiException.of("inConsultationAlready");
        }
    }

    /** My phone's answered call, the latest if it has more than one. */
    private Channel myAnsweredCall(AgentProfile agent) {
        return myCalls(agent).findFirst()
                .orElseThrow(() -> CtiException.of("noAnsweredCall", agent.device()));
    }

    /** My phone's answered calls, the latest first. */
    private Stream<Channel> myCalls(AgentProfile agent) {
        return registry.snapshot().answeredOn(agent.device()).stream();
    }

    private AgentProfile agent() {
        AgentProfile agent = chosenAgent != null ? chosenAgent : profiles.current();
        if (!agent.hasDevice()) {
            throw CtiException.of("setYourPhone");
        }
        return agent;
    }

    private Channel live(String name) {
        return registry.snapshot().byName(name)
                .orElseThrow(() -> CtiException.of("noLongerExists", name));
    }

    /** An originate that rings my phone first, asking it to answer by itself when the profile says so. */
    private OriginateRequest.Builder fromMyPhone(AgentProfile agent) {
        OriginateRequest.Builder request = OriginateRequest.call(agent.device()).timeout(agent.originateTimeout());
        if (!agent.callerId().isEmpty()) {
            request.callerId(agent.callerId());
        }
        AmiProfile server = connection.status().profile();
        String callInfo = "<sip:" + (server == null ? "pbx" : server.host()) + ">;answer-after=0";
        switch (agent.autoAnswer()) {
            case CALL_INFO -> request.variable("PJSIP_HEADER(add,Call-Info)", callInfo);
            case SIP_ADD_HEADER -> request.variable("SIPADDHEADER", "Call-Info: " + callInfo);
            case NONE -> { }
        }
        return request;
    }
}

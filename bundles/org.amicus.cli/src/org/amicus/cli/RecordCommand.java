package org.amicus.cli;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import org.amicus.cti.AgentProfile;
import org.amicus.cti.AgentProfiles;
import org.amicus.cti.ChannelRegistry;
import org.amicus.cti.CtiActions;
import org.amicus.cti.RecordingState;

/**
 * {@code record start|stop|mute|unmute}: the recording of my phone's answered call; prints its state as the PBX then
 * reported it.
 */
final class RecordCommand {

    private static final Duration LISTING_TIMEOUT = Duration.ofSeconds(60);
    /** The actions wait {@link CtiActions#RECORDING_LIMIT} for the PBX; this adds a margin. */
    private static final Duration OUTCOME_TIMEOUT = CtiActions.RECORDING_LIMIT.plusSeconds(10);

    private final ChannelRegistry registry;
    private final CtiActions actions;
    private final AgentProfiles agents;

    RecordCommand(ChannelRegistry registry, CtiActions actions, AgentProfiles agents) {
        this.registry = registry;
        this.actions = actions;
        this.agents = agents;
    }

    Exit run(Arguments arguments, Login login, PbxSession pbx, Output output)
            throws ExecutionException, InterruptedException {
        String action = arguments.parameter();
        if (!List.of("start", "stop", "mute", "unmute").contains(action)) {
            throw Arguments.usage(Messages.bind(Messages.recordActionInvalid, action));
        }
        CompletableFuture<?> listed = registry.nextResync(); // my call is found among the channels of the new connection
        ActionCommand.agent(arguments, agents.current(), false);   // the options' mistakes are said before connecting
        pbx.connect(login);
        // after connecting: through the hub, the roster says which is my phone
        AgentProfile agent = ActionCommand.agent(arguments, agents.current(), true);
        CtiActions mine = actions.as(agent);
        pbx.await(listed, LISTING_TIMEOUT, Messages.awaitChannels);
        CompletableFuture<RecordingState> done = switch (action) {
            case "start" -> mine.startRecording();
            case "stop" -> mine.stopRecording();
            case "mute" -> mine.muteRecording(true);
            default -> mine.muteRecording(false);
        };
        RecordingState state = pbx.await(done, OUTCOME_TIMEOUT, Messages.awaitRecording);
        output.result(new Json().put("command", "record").put("action", action).put("device", agent.device())
                .put("channel", state.channel()).put("recording", state.recording()).put("muted", state.muted())
                .put("exit", Exit.OK.code()),
                Messages.bind(state.recording() ? state.muted() ? Messages.recordedMuted : Messages.recorded
                        : Messages.notRecorded, state.channel()));
        return Exit.OK;
    }
}

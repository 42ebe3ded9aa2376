package org.amicus.cli;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import org.amicus.ami.OriginateOutcome;
import org.amicus.cti.AgentProfile;
import org.amicus.cti.AgentProfiles;
import org.amicus.cti.ChannelRegistry;
import org.amicus.cti.CtiActions;
import org.amicus.cti.ParkedCalls;
import org.amicus.cti.SpyMode;

/**
 * {@code call}, {@code pickup}, {@code playback}, {@code spy} and {@code retrieve}: the agent actions, from the phone
 * of the stored agent profile or of {@code --device}. Each prints its outcome and ends with the matching
 * {@link Exit exit code}; the call itself goes on at the PBX.
 */
final class ActionCommand {

    /** The channels of a new connection are listed within this. */
    private static final Duration LISTING_TIMEOUT = Duration.ofSeconds(60);
    /**
     * Past the agent's ring timeout, the connection reports an outcome within 10 s, and the PBX shows what a pick-up or
     * spy did within 10 s more; this adds a margin.
     */
    private static final Duration OUTCOME_MARGIN = Duration.ofSeconds(30);

    private final ChannelRegistry registry;
    private final ParkedCalls parkedCalls;
    private final CtiActions actions;
    private final AgentProfiles agents;

    ActionCommand(ChannelRegistry registry, ParkedCalls parkedCalls, CtiActions actions, AgentProfiles agents) {
        this.registry = registry;
        this.parkedCalls = parkedCalls;
        this.actions = actions;
        this.agents = agents;
    }

    Exit run(Arguments arguments, Login login, PbxSession pbx, Output output)
            throws ExecutionException, InterruptedException {
        Command command = arguments.command();
        String target = arguments.parameter();
        SpyMode mode = command == Command.SPY ? arguments.mode() : null;
        // pickup and spy name a live channel, retrieve a parked call: they wait until the new connection knows them
        boolean needsChannels = command == Command.PICKUP || command == Command.SPY;
        CompletableFuture<?> listed = needsChannels ? registry.nextResync()
                : command == Command.RETRIEVE ? parkedCalls.nextResync() : null;
        agent(arguments, agents.current(), false);   // the options' mistakes are said before connecting
        pbx.connect(login);
        // after connecting: through the hub, the roster says which is my phone
        AgentProfile agent = agent(arguments, agents.current(), true);
        CtiActions mine = actions.as(agent);
        if (listed != null) {
            pbx.await(listed, LISTING_TIMEOUT, needsChannels ? Messages.awaitChannels : Messages.awaitParked);
        }
        CompletableFuture<OriginateOutcome> action = switch (command) {
            case CALL -> mine.call(target);
            case PICKUP -> mine.pickUp(target);
            case PLAYBACK -> mine.playBack(target);
            case SPY -> mine.spy(target, mode);
            case RETRIEVE -> mine.retrieveParked(target);
            default -> throw new IllegalArgumentException(command + " is no agent action");
        };
        Duration played = command == Command.PLAYBACK ? CtiActions.PLAYBACK_LIMIT : Duration.ZERO;
        OriginateOutcome outcome = pbx.await(action, agent.originateTimeout().plus(OUTCOME_MARGIN).plus(played),
                Messages.awaitOutcome);
        Exit exit = Exit.of(outcome.result());
        output.result(new Json().put("command", command.commandName()).put("argument", target)
                .put("device", agent.device()).put("result", outcome.result().name())
                .put("description", outcome.describe()).put("detail", outcome.detail())
                .put("channelId", outcome.channelId())
                .put("cause", outcome.hangupCause().map(cause -> new Json().put("code", cause.code())
                        .put("text", cause.text())).orElse(null))
                .put("exit", exit.code()),
                Messages.bind(Messages.outcomeOf, new Object[] { outcome.describe(Locale.getDefault()), agent.device(),
                    outcome.channelId() }));
        return exit;
    }

    /** The stored agent profile with the options' device, context and timeout. */
    static AgentProfile agent(Arguments arguments, AgentProfile stored, boolean needsDevice) {
        AgentProfile agent;
        try {
            agent = new AgentProfile(arguments.value(Option.DEVICE).orElse(stored.device()), stored.autoAnswer(),
                    arguments.value(Option.CONTEXT).orElse(stored.dialContext()),
                    arguments.timeout().orElse(stored.originateTimeout()), stored.callerId());
        } catch (IllegalArgumentException e) {
            throw Arguments.usage(e.getLocalizedMessage());
        }
        if (needsDevice && !agent.hasDevice()) {
            throw new CliFailure(Exit.BAD_INPUT, Messages.noPhoneToRing);
        }
        return agent;
    }
}

package org.amicus.cli;

import java.time.Duration;
import java.util.concurrent.ExecutionException;

import org.amicus.cti.AgentProfile;
import org.amicus.cti.AgentProfiles;
import org.amicus.cti.ChannelRegistry;
import org.amicus.cti.CtiActions;
import org.amicus.cti.ParkOutcome;

/**
 * {@code park}: parks the other party of my phone's answered call; prints the space the PBX put it in and ends with
 * 0 when parked, 6 when the PBX reported nothing in time.
 */
final class ParkCommand {

    private static final Duration LISTING_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration ANSWER_MARGIN = Duration.ofSeconds(15);

    private final ChannelRegistry registry;
    private final CtiActions actions;
    private final AgentProfiles agents;

    ParkCommand(ChannelRegistry registry, CtiActions actions, AgentProfiles agents) {
        this.registry = registry;
        this.actions = actions;
        this.agents = agents;
    }

    Exit run(Arguments arguments, Login login, PbxSession pbx, Output output)
            throws ExecutionException, InterruptedException {
        var listed = registry.nextResync(); // my call is found among the channels of the new connection
        ActionCommand.agent(arguments, agents.current(), false);   // the options' mistakes are said before connecting
        pbx.connect(login);
        // after connecting: through the hub, the roster says which is my phone
        AgentProfile agent = ActionCommand.agent(arguments, agents.current(), true);
        pbx.await(listed, LISTING_TIMEOUT, Messages.awaitChannels);
        ParkOutcome outcome = pbx.await(actions.as(agent).park(), CtiActions.PARK_LIMIT.plus(ANSWER_MARGIN),
                Messages.awaitPark);
        Exit exit = switch (outcome.result()) {
            case PARKED -> Exit.OK;
            case TIMEOUT -> Exit.CONNECTION_LOST;
        };
        String text = switch (outcome.result()) {
            case PARKED -> Messages.bind(Messages.parked, outcome.parkee(), outcome.space());
            case TIMEOUT -> Messages.bind(Messages.parkTimeout, outcome.parkee(), outcome.detail());
        };
        output.result(new Json().put("command", "park").put("device", agent.device())
                .put("result", outcome.result().name()).put("parkee", outcome.parkee()).put("space", outcome.space())
                .put("detail", outcome.detail()).put("exit", exit.code()), text);
        return exit;
    }
}

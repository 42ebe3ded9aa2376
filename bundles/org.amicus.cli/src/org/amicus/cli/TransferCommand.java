package org.amicus.cli;

import java.time.Duration;
import java.util.concurrent.ExecutionException;

import org.amicus.cti.AgentProfile;
import org.amicus.cti.AgentProfiles;
import org.amicus.cti.ChannelRegistry;
import org.amicus.cti.CtiActions;
import org.amicus.cti.TransferOutcome;

/**
 * {@code transfer NUMBER}: blind transfer of my phone's answered call to NUMBER; prints how the PBX reported it and
 * ends with 0 when transferred, 9 when the PBX failed it, 6 when it reported nothing in time. With {@code --attended},
 * an {@link AttendedTransferCommand}.
 */
final class TransferCommand {

    private static final Duration LISTING_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration ANSWER_MARGIN = Duration.ofSeconds(15);

    private final ChannelRegistry registry;
    private final CtiActions actions;
    private final AgentProfiles agents;

    TransferCommand(ChannelRegistry registry, CtiActions actions, AgentProfiles agents) {
        this.registry = registry;
        this.actions = actions;
        this.agents = agents;
    }

    Exit run(Arguments arguments, Login login, PbxSession pbx, Output output, Terminal terminal)
            throws ExecutionException, InterruptedException {
        String number = arguments.parameter();
        var listed = registry.nextResync(); // my call is found among the channels of the new connection
        ActionCommand.agent(arguments, agents.current(), false);   // the options' mistakes are said before connecting
        pbx.connect(login);
        // after connecting: through the hub, the roster says which is my phone
        AgentProfile agent = ActionCommand.agent(arguments, agents.current(), true);
        pbx.await(listed, LISTING_TIMEOUT, Messages.awaitChannels);
        if (arguments.has(Option.ATTENDED)) {
            return new AttendedTransferCommand(actions.as(agent), terminal, output).run(number, agent, pbx);
        }
        TransferOutcome outcome = pbx.await(actions.as(agent).blindTransfer(number),
                CtiActions.TRANSFER_LIMIT.plus(ANSWER_MARGIN), Messages.awaitTransfer);
        Exit exit = switch (outcome.result()) {
            case TRANSFERRED -> Exit.OK;
            case FAILED -> Exit.ACTION_FAILED;
            case TIMEOUT -> Exit.CONNECTION_LOST;
        };
        String text = switch (outcome.result()) {
            case TRANSFERRED -> Messages.bind(Messages.transferred, outcome.transferee(), outcome.destination());
            case FAILED -> Messages.bind(Messages.transferFailed, outcome.destination(), outcome.detail());
            case TIMEOUT -> Messages.bind(Messages.transferTimeout, number, outcome.detail());
        };
        output.result(new Json().put("command", "transfer").put("argument", number).put("device", agent.device())
                .put("result", outcome.result().name()).put("transferee", outcome.transferee())
                .put("destination", outcome.destination()).put("detail", outcome.detail()).put("exit", exit.code()),
                text);
        return exit;
    }
}

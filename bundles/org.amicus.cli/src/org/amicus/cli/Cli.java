package org.amicus.cli;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

import org.amicus.ami.AmiConnection;
import org.amicus.ami.AmiException;
import org.amicus.ami.AmiPermissionException;
import org.amicus.ami.AmiProfiles;
import org.amicus.ami.AmiSecrets;
import org.amicus.ami.ConnectionState;
import org.amicus.cti.AgentProfiles;
import org.amicus.cti.ChannelRegistry;
import org.amicus.cti.ColleagueRegistry;
import org.amicus.cti.CtiActions;
import org.amicus.cti.CtiException;
import org.amicus.cti.ParkedCalls;
import org.amicus.cti.QueueActions;
import org.amicus.cti.QueueRegistry;
import org.amicus.cti.hub.HubChoice;
import org.amicus.cti.hub.HubDesktop;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code amicus cli}: runs one command line against the PBX through Amicus's own services, and ends with an
 * {@link Exit exit code}. Results go to stdout, as text or JSON lines; problems to stderr, one line each, never a
 * stack trace. The {@link CliApplication} runs it from the product; tests call {@link #run} directly.
 */
@Component(service = Cli.class)
public class Cli {

    @Reference
    private AmiConnection connection;
    @Reference
    private AmiProfiles profiles;
    @Reference
    private AmiSecrets secrets;
    @Reference
    private ChannelRegistry registry;
    @Reference
    private CtiActions actions;
    @Reference
    private AgentProfiles agents;
    @Reference
    private ColleagueRegistry colleagues;
    @Reference
    private QueueRegistry queues;
    @Reference
    private QueueActions queueActions;
    @Reference
    private ParkedCalls parkedCalls;
    @Reference
    private HubChoice hubChoice;

    /**
     * Runs a command line.
     *
     * @param args        the words after {@code amicus cli}
     * @param environment where {@code AMICUS_AMI_SECRET} is looked up
     * @return the exit code
     */
    public int run(List<String> args, Map<String, String> environment, Terminal terminal) {
        Output output = new Output(terminal, args.contains("--json"));
        try {
            Arguments arguments = Arguments.parse(args);
            if (arguments.has(Option.HELP)) {
                output.line(arguments.command() == null ? Command.overview() : arguments.command().help());
                return Exit.OK.code();
            }
            Login login = Login.choose(arguments, environment, profiles, secrets, hubChoice);
            HubDesktop hub = login.hub() == null ? null : new HubDesktop(login.hub());
            try (PbxSession pbx = new PbxSession(connection, hub, terminal)) {
                return command(arguments, login, pbx, output, terminal).code();
            }
        } catch (CliFailure failure) {
            output.message(failure.getMessage());
            return failure.exit().code();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            output.message(Messages.interrupted);
            return Exit.INTERRUPTED.code();
        } catch (RuntimeException e) {
            output.message(Messages.bind(Messages.unexpectedError, e));
            return Exit.INTERNAL_ERROR.code();
        }
    }

    /** The services a run acts through: Amicus's own, or those of the hub's desktop connection. */
    private record Desk(ChannelRegistry registry, CtiActions actions, AgentProfiles agents, ParkedCalls parkedCalls,
            ColleagueRegistry colleagues, QueueRegistry queues, QueueActions queueActions) {
    }

    private Desk desk(HubDesktop hub) {
        return hub == null ? new Desk(registry, actions, agents, parkedCalls, colleagues, queues, queueActions)
                : new Desk(hub.registry(), hub.actions(), hub.agentProfiles(agents), hub.parked(), hub.colleagues(),
                        hub.queues(), hub.queueActions(queueActions.pauseReasons()));
    }

    private Exit command(Arguments arguments, Login login, PbxSession pbx, Output output, Terminal terminal)
            throws InterruptedException {
        Desk desk = desk(pbx.hub());
        try {
            return switch (arguments.command()) {
                case STATUS ->
                    new StatusCommand(connection, desk.registry(), desk.agents()).run(arguments, login, pbx, output);
                case CHANNELS -> arguments.has(Option.WATCH)
                        ? new ChannelWatch(connection, desk.registry(), output).run(login, pbx, terminal)
                        : ChannelWatch.list(desk.registry(), login, pbx, output);
                case CALL, PICKUP, PLAYBACK, SPY, RETRIEVE -> new ActionCommand(desk.registry(), desk.parkedCalls(),
                        desk.actions(), desk.agents()).run(arguments, login, pbx, output);
                case COLLEAGUES -> ColleagueList.list(desk.colleagues(), login, pbx, output);
                case TRANSFER -> new TransferCommand(desk.registry(), desk.actions(), desk.agents()).run(arguments,
                        login, pbx, output, terminal);
                case RECORD -> new RecordCommand(desk.registry(), desk.actions(), desk.agents()).run(arguments, login,
                        pbx, output);
                case PARK -> new ParkCommand(desk.registry(), desk.actions(), desk.agents()).run(arguments, login, pbx,
                        output);
                case PARKED -> ParkedList.list(desk.parkedCalls(), login, pbx, output);
                case QUEUE -> new QueueCommand(desk.queues(), desk.queueActions()).run(arguments, login, pbx, output);
            };
        } catch (ExecutionException | CompletionException failure) {
            return failed(failure.getCause(), output); // while still connected, if the failure left it so
        }
    }

    /** Says why an answer from Amicus's services was a failure, and which exit that is. */
    private Exit failed(Throwable cause, Output output) {
        output.message(cause instanceof TimeoutException ? Messages.noAnswerInTime
                : cause.getMessage() == null ? Messages.bind(Messages.unexpectedError, cause)
                : cause.getLocalizedMessage());
        if (cause instanceof AmiPermissionException) {
            return Exit.PERMISSION_DENIED;
        }
        if (cause instanceof CtiException) {
            return Exit.BAD_INPUT;
        }
        if (cause instanceof AmiException) {
            // refused by the PBX while connected, or not connected any more
            return connection.status().state() == ConnectionState.CONNECTED ? Exit.FAILED : Exit.CONNECTION_LOST;
        }
        return cause instanceof TimeoutException ? Exit.CONNECTION_LOST : Exit.INTERNAL_ERROR;
    }
}

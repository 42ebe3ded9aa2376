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
                return hub == null ? command(arguments, login, pbx, output, terminal).code()
                        : throughHub(arguments, login, pbx, output, terminal).code();
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

    /** The commands through the hub, on its desktop connection's services; it lists no hints or parked calls yet. */
    private Exit throughHub(Arguments arguments, Login login, PbxSession pbx, Output output, Terminal terminal)
            throws InterruptedException {
        HubDesktop hub = pbx.hub();
        AgentProfiles roster = hub.agentProfiles(agents);
        try {
            return switch (arguments.command()) {
                case STATUS -> new StatusCommand(connection, hub.registry(), roster).throughHub(arguments, login, pbx,
                        output);
                case CHANNELS -> arguments.has(Option.WATCH)
                        ? new ChannelWatch(connection, hub.registry(), output).run(login, pbx, terminal)
                        : ChannelWatch.list(hub.registry(), login, pbx, output);
                case CALL, PICKUP, PLAYBACK, SPY, RETRIEVE ->
                    new ActionCommand(hub.registry(), null, hub.actions(), roster).run(arguments, login, pbx, output);
                case TRANSFER -> new TransferCommand(hub.registry(), hub.actions(), roster).run(arguments, login, pbx,
                        output, terminal);
                case RECORD -> new RecordCommand(hub.registry(), hub.actions(), roster).run(arguments, login, pbx,
                        output);
                case PARK -> new ParkCommand(hub.registry(), hub.actions(), roster).run(arguments, login, pbx, output);
                case QUEUE -> new QueueCommand(null, hub.queueActions(queueActions.pauseReasons())).run(arguments,
                        login, pbx, output);
                case COLLEAGUES, PARKED -> throw new CliFailure(Exit.BAD_INPUT,
                        Messages.bind(Messages.notThroughHub, arguments.command().commandName()));
            };
        } catch (ExecutionException | CompletionException failure) {
            return failed(failure.getCause(), output);
        }
    }

    private Exit command(Arguments arguments, Login login, PbxSession pbx, Output output, Terminal terminal)
            throws InterruptedException {
        try {
            return switch (arguments.command()) {
                case STATUS -> new StatusCommand(connection, registry, agents).run(arguments, login, pbx, output);
                case CHANNELS -> arguments.has(Option.WATCH)
                        ? new ChannelWatch(connection, registry, output).run(login, pbx, terminal)
                        : ChannelWatch.list(registry, login, pbx, output);
                case CALL, PICKUP, PLAYBACK, SPY, RETRIEVE ->
                    new ActionCommand(registry, parkedCalls, actions, agents).run(arguments, login, pbx, output);
                case COLLEAGUES -> ColleagueList.list(colleagues, login, pbx, output);
                case TRANSFER ->
                    new TransferCommand(registry, actions, agents).run(arguments, login, pbx, output, terminal);
                case RECORD -> new RecordCommand(registry, actions, agents).run(arguments, login, pbx, output);
                case PARK -> new ParkCommand(registry, actions, agents).run(arguments, login, pbx, output);
                case PARKED -> ParkedList.list(parkedCalls, login, pbx, output);
                case QUEUE -> new QueueCommand(queues, queueActions).run(arguments, login, pbx, output);
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

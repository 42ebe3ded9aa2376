package org.amicus.cli;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import org.amicus.ami.AmiConnection;
import org.amicus.ami.AmiProfile;
import org.amicus.ami.ConnectionState;
import org.amicus.ami.ConnectionStatus;
import org.amicus.cti.AgentProfile;
import org.amicus.cti.AgentProfiles;
import org.amicus.cti.ChannelRegistry;
import org.amicus.cti.ChannelSnapshot;
import org.amicus.cti.hub.Identity;
import org.asteriskjava.manager.action.CoreSettingsAction;
import org.asteriskjava.manager.response.CoreSettingsResponse;

/**
 * {@code status}: connects, and says to what (server, Asterisk version; or the hub, and as whom), how many channels
 * and calls are live (through the hub: those the user may see), and which phone the agent actions would ring. Needing
 * only a login, it is the check that a profile works.
 */
final class StatusCommand {

    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(15);

    private final AmiConnection connection;
    private final ChannelRegistry registry;
    private final AgentProfiles agents;

    StatusCommand(AmiConnection connection, ChannelRegistry registry, AgentProfiles agents) {
        this.connection = connection;
        this.registry = registry;
        this.agents = agents;
    }

    Exit run(Arguments arguments, Login login, PbxSession pbx, Output output) throws InterruptedException {
        if (pbx.hub() != null) {
            return throughHub(arguments, login, pbx, output);
        }
        try {
            return report(arguments, login, pbx, output);
        } catch (CliFailure failure) {
            if (output.json()) {
                output.line(server(connection.status(), login.profile()).toString());
            }
            throw failure;
        }
    }

    /** Connected or not, a status says so: a health check fails unless the PBX is still connected at the end. */
    private Exit report(Arguments arguments, Login login, PbxSession pbx, Output output) throws InterruptedException {
        var listed = registry.nextResync();
        pbx.connect(login);
        Json status = server(connection.status(), login.profile());
        String version = asteriskVersion(pbx);
        status.put("asterisk", version);
        StringBuilder text = new StringBuilder(Messages.bind(Messages.statusProfile,
                connection.status().describe(Locale.getDefault()), login.profile().name()) + "\n"
                + (version == null ? "" : Messages.bind(Messages.statusAsterisk, version) + "\n"));
        return channelsAndPhone(arguments, listed, pbx, status, text, output);
    }

    /** Through the hub: whom it serves, the channels the user may see, and the roster's phone. */
    private Exit throughHub(Arguments arguments, Login login, PbxSession pbx, Output output)
            throws InterruptedException {
        var listed = registry.nextResync();
        pbx.connect(login);
        Identity me = pbx.hub().identity();
        Json status = new Json().put("state", ConnectionState.CONNECTED.name())
                .put("hub", String.join(",", login.hub().servers())).put("user", me.user()).put("role", me.role());
        StringBuilder text = new StringBuilder(Messages.bind(Messages.statusHub, login.target(), me.role()) + "\n");
        return channelsAndPhone(arguments, listed, pbx, status, text, output);
    }

    private Exit channelsAndPhone(Arguments arguments, CompletableFuture<ChannelSnapshot> listed, PbxSession pbx,
            Json status, StringBuilder text, Output output) throws InterruptedException {
        try {
            ChannelSnapshot channels = pbx.awaitConnected(listed, ANSWER_TIMEOUT, Messages.awaitChannels);
            status.put("channels", channels.size()).put("calls", channels.calls().size());
            text.append(Messages.bind(Messages.statusChannels, Messages.plural(Messages.liveChannels, channels.size()),
                    Messages.plural(Messages.calls, channels.calls().size()))).append('\n');
        } catch (ExecutionException e) {
            status.put("channels", null).put("calls", null).put("channelsProblem", e.getCause().getMessage());
            text.append(Messages.bind(Messages.channelsUnknown, e.getCause().getLocalizedMessage())).append('\n');
        }
        AgentProfile agent = agent(arguments);
        status.put("device", agent.device()).put("dialContext", agent.dialContext());
        text.append(agent.hasDevice() ? Messages.bind(Messages.myPhone, agent.device(), agent.dialContext())
                : Messages.myPhoneNotSet);
        pbx.checkConnected();
        output.result(status, text.toString().stripTrailing());
        return Exit.OK;
    }

    private static Json server(ConnectionStatus status, AmiProfile profile) {
        return new Json().put("state", status.state().name()).put("detail", status.detail())
                .put("profile", profile.name()).put("server", profile.server()).put("host", profile.host())
                .put("port", profile.port()).put("tls", profile.tls()).put("user", profile.username());
    }

    /** The PBX's Asterisk version; {@code null} if the AMI user may not ask. */
    private String asteriskVersion(PbxSession pbx) throws InterruptedException {
        try {
            return pbx.awaitConnected(connection.send(new CoreSettingsAction(), ANSWER_TIMEOUT), ANSWER_TIMEOUT,
                    Messages.awaitVersion) instanceof CoreSettingsResponse settings ? settings.getAsteriskVersion() : null;
        } catch (ExecutionException e) {
            return null;
        }
    }

    private AgentProfile agent(Arguments arguments) {
        return ActionCommand.agent(arguments, agents.current(), false);
    }
}

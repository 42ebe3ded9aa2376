package org.amicus.cti.hub;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.amicus.cti.AgentProfiles;
import org.amicus.cti.ChannelRegistry;
import org.amicus.cti.ColleagueRegistry;
import org.amicus.cti.CtiActions;
import org.amicus.cti.CtiException;
import org.amicus.cti.ParkedCalls;
import org.amicus.cti.PauseReasons;
import org.amicus.cti.QueueActions;
import org.amicus.cti.QueueRegistry;
import org.amicus.cti.hub.internal.HubBoards;
import org.amicus.cti.hub.internal.HubHeartbeat;
import org.amicus.cti.hub.internal.HubRequests;
import org.amicus.cti.hub.internal.KvChannelRegistry;
import org.amicus.cti.hub.internal.NatsCtiActions;
import org.amicus.cti.hub.internal.NatsQueueActions;
import org.amicus.cti.hub.internal.RosterAgentProfiles;

import io.nats.client.AuthenticationException;
import io.nats.client.Connection;
import io.nats.client.ConnectionListener.Events;
import io.nats.client.Options;
import io.nats.client.support.JsonValue;

/**
 * One desktop's connection to the hub: the live channels its user may see, the boards every user reads (queues,
 * colleagues, parked calls) and the actions it may take, as the same {@link ChannelRegistry}, {@link QueueRegistry},
 * {@link ColleagueRegistry}, {@link ParkedCalls} and {@link CtiActions} the direct mode offers, and whether a hub
 * serves it ({@link HubStatus}). The AMI secret never comes here. The services exist before the connection (empty, and refusing
 * actions), so that they can be offered at once.
 */
public final class HubDesktop implements AutoCloseable {

    private static final Duration LOAD_TIMEOUT = Duration.ofSeconds(10);

    private final HubLogin login;
    private final KvChannelRegistry registry = new KvChannelRegistry();
    private final HubBoards boards = new HubBoards();
    private final HubHeartbeat status = new HubHeartbeat(this::hubLost, this::readAgain);
    private final NatsCtiActions actions = new NatsCtiActions(status, registry);
    private volatile HubRequests requests;
    private volatile Connection connection;
    private volatile Identity identity;
    private volatile boolean closed;

    /** A desktop not yet connected: see {@link #connect()}. */
    public HubDesktop(HubLogin login) {
        this.login = login;
    }

    /** A desktop {@link #connect() connected}, its channels read. */
    public static HubDesktop connect(HubLogin login) throws IOException, InterruptedException {
        HubDesktop desktop = new HubDesktop(login);
        desktop.connect();
        return desktop;
    }

    /**
     * Connects, asks the hub who the user is, and reads the channels it may see and the boards: returns once the
     * registries hold them all, within a few seconds.
     *
     * @throws HubConnectException at once if the servers refuse the user or its password, or none can be reached
     * @throws IOException          if the hub does not answer, or the channels or boards cannot be read
     */
    public void connect() throws IOException, InterruptedException {
        Connection opened = open(NatsOptions.of(login.servers(), login.user(), login.password(), login.certificate(),
                "amicus-desktop-" + login.user()).connectionListener((connected, event) -> {
                    status.connectionEvent(event);
                    if (event == Events.RECONNECTED) {
                        readAgain();   // a key-value store is state, not a log
                    }
                }));
        try {
            HubRequests asking = new HubRequests(opened, login.user());
            status.start(opened);
            Identity known = asking.identity();
            status.identified(known);
            status.alive();
            CompletableFuture<?> loaded = CompletableFuture.allOf(registry.nextResync(), boards.nextLoad());
            registry.watch(opened, known.buckets());
            boards.watch(opened);
            loaded.get(LOAD_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            requests = asking;
            actions.connected(asking, known.phone());
            identity = known;
            connection = opened;
            if (closed) {             // closed while connecting
                close();
            }
        } catch (ExecutionException e) {
            abandon(opened);
            throw new IOException(e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            abandon(opened);
            throw new IOException("the channels and boards of " + login.user() + " could not be read within "
                    + LOAD_TIMEOUT.toSeconds() + " s");
        } catch (RuntimeException | IOException e) {
            abandon(opened);
            throw e instanceof IOException io ? io : new IOException(e.getMessage(), e);
        }
    }

    /** Who the hub knows the user as; {@code null} until connected. */
    public Identity identity() {
        return identity;
    }

    public ChannelRegistry registry() {
        return registry;
    }

    public CtiActions actions() {
        return actions;
    }

    /** The queues, as every user of the hub sees them. */
    public QueueRegistry queues() {
        return boards.queues();
    }

    /** The colleagues' phones, as every user of the hub sees them. */
    public ColleagueRegistry colleagues() {
        return boards.colleagues();
    }

    /** The parked calls, as every user of the hub sees them. */
    public ParkedCalls parked() {
        return boards.parked();
    }

    /** The agent's profile as this desktop acts on it: {@code stored}, with the phone the hub's roster names. */
    public AgentProfiles agentProfiles(AgentProfiles stored) {
        return new RosterAgentProfiles(stored, status);
    }

    /** The queue actions through the hub, on the user's own phone; the pause reasons offered are these. */
    public QueueActions queueActions(PauseReasons reasons) {
        return new NatsQueueActions(this::ask, reasons, null);
    }

    /** Whether a hub serves this desktop now. */
    public HubStatus status() {
        return status;
    }

    private Connection open(Options.Builder options) throws HubConnectException, InterruptedException {
        try {
            return NatsConnect.open(options);
        } catch (AuthenticationException e) {
            throw cannotConnect(CtiException.of("hubRefusedLogin", login.user()), e);
        } catch (IOException e) {
            throw cannotConnect(CtiException.of("hubUnreachable", String.join(", ", login.servers())), e);
        }
    }

    /** The status says why until a connection opens. */
    private HubConnectException cannotConnect(CtiException why, IOException cause) {
        status.cannotConnect(why);
        return new HubConnectException(why, cause);
    }

    /** After a failed connect: nothing of it keeps running. */
    private void abandon(Connection opened) throws InterruptedException {
        registry.stop();
        boards.stop();
        status.stop();
        opened.close();
    }

    private void readAgain() {
        registry.rewatch();
        boards.rewatch();
    }

    private void hubLost() {
        HubRequests asking = requests;
        if (asking != null) {
            asking.hubLost();
        }
    }

    /**
     * Asks the hub for an operation by its name, e.g. {@code queuePause} with
     * {@code {"queue":"sales","reason":"Lunch"}} (docs/deployment.md lists them): for one that no service here offers.
     * Completes with the result as JSON ({@link RecordJson} reads it), or exceptionally with a
     * {@link org.amicus.cti.CtiException} saying why not (refused at once while no hub serves, as every action is).
     */
    public CompletableFuture<JsonValue> ask(String operation, Map<String, JsonValue> arguments) {
        HubRequests connected = requests;
        Optional<CtiException> refusal = connected == null ? Optional.of(CtiException.of("notConnectedToHub"))
                : status.refusal();
        return refusal.isPresent() ? CompletableFuture.failedFuture(refusal.get())
                : connected.ask(operation, arguments);
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        registry.stop();
        boards.close();
        status.stop();
        if (connection != null) {
            connection.close();
        }
    }
}

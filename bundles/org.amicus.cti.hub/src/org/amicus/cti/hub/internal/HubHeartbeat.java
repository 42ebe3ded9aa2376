package org.amicus.cti.hub.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.amicus.cti.CtiException;
import org.amicus.cti.hub.HubStatus;
import org.amicus.cti.hub.HubStatusListener;
import org.amicus.cti.hub.HubSubjects;
import org.amicus.cti.hub.Identity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.nats.client.Connection;
import io.nats.client.ConnectionListener.Events;
import io.nats.client.Dispatcher;

/**
 * The desktop's {@link HubStatus}, from the leading hub's heartbeat: a plain NATS subject, not a key-value watch,
 * because the client subscribes to it again by itself after a reconnect and no JetStream consumer stands between
 * (a watch can stall for seconds while the cluster elects a stream leader, and would then call a serving hub gone).
 * Silence for {@link #SILENCE} while connected means no hub serves; so does a lost connection, at once.
 */
public final class HubHeartbeat implements HubStatus {

    /** Three missed heartbeats but for a margin: at most 3 s from the hub's end to the desktop's knowing it. */
    static final Duration SILENCE = Duration.ofMillis(2500);
    private static final String NOT_CONNECTED = "notConnectedToHub";
    private static final String UNAVAILABLE = "hubUnavailable";
    private static final Duration CHECK = Duration.ofMillis(250);
    private static final Logger LOG = LoggerFactory.getLogger(HubHeartbeat.class);

    private final List<HubStatusListener> listeners = new CopyOnWriteArrayList<>();
    private final Runnable hubLost;
    private final Runnable newHub;
    private ScheduledExecutorService checker;
    private ExecutorService rereader;
    private Dispatcher dispatcher;
    /** Why no hub serves, worded by its key; {@code null} while one serves. */
    private volatile CtiException problem = CtiException.of(NOT_CONNECTED);
    private volatile Identity identity;
    private volatile boolean connected;
    private volatile long lastBeat;
    private volatile String lastServing; // the id the serving hub beats with

    /**
     * @param hubLost run when the hub falls silent while the connection holds: its answers will not come
     * @param newHub  run (on a thread of its own) when another hub, or the same one again, begins to serve: what it
     *                wrote while this desktop's watches may have stalled (a standby taking over after a lost NATS
     *                node, say) is to be read again
     */
    public HubHeartbeat(Runnable hubLost, Runnable newHub) {
        this.hubLost = hubLost;
        this.newHub = newHub;
    }

    /** Listens for the heartbeat on this open connection. */
    public synchronized void start(Connection connection) {
        lastBeat = System.nanoTime();
        connected = true;
        checker = Executors.newSingleThreadScheduledExecutor(daemon("amicus-hub-heartbeat"));
        checker.scheduleWithFixedDelay(this::check, CHECK.toMillis(), CHECK.toMillis(), TimeUnit.MILLISECONDS);
        // not the checker's thread: a re-read stalled while the cluster elects a stream leader would delay noticing a
        // silent hub. One at a time, and one more if asked meanwhile: it reads what every later ask would.
        rereader = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(1),
                daemon("amicus-hub-reread"), new ThreadPoolExecutor.DiscardPolicy());
        dispatcher = connection.createDispatcher(message -> beat(new String(message.getData(),
                StandardCharsets.UTF_8)));
        dispatcher.subscribe(HubSubjects.HEARTBEAT);
    }

    private static ThreadFactory daemon(String name) {
        return Thread.ofPlatform().name(name).daemon().factory();
    }

    private void beat(String serving) {
        String before = lastServing;
        lastServing = serving;
        if (before != null && !before.equals(serving)) {
            LOG.info("Another hub serves now: reading its buckets again");
            rereader.execute(newHub);
        }
        alive();
    }

    /** The hub said who the user is. */
    public void identified(Identity known) {
        identity = known;
    }

    /** The hub answered or beat: it serves. */
    public void alive() {
        lastBeat = System.nanoTime();
        if (connected) {
            set(null);
        }
    }

    /**
     * What the NATS client says of the connection. The end of a connection that never opened (its login refused,
     * say) changes nothing: the reason it could not open stands.
     */
    public void connectionEvent(Events event) {
        if ((event == Events.DISCONNECTED || event == Events.CLOSED) && connected) {
            connected = false;
            set(CtiException.of(NOT_CONNECTED));
        } else if (event == Events.RECONNECTED) {
            connected = true;
            lastBeat = System.nanoTime();   // the hub gets its heartbeat's time to be heard again
        }
    }

    public synchronized void stop() {
        if (checker != null) {
            checker.shutdownNow();
            rereader.shutdownNow();
        }
        connected = false;
        set(CtiException.of(NOT_CONNECTED));
    }

    /** The connection could not be opened, for this reason, e.g. the login was refused. */
    public void cannotConnect(CtiException why) {
        set(why);
    }

    @Override
    public Optional<String> problem() {
        return refusal().map(CtiException::getMessage);
    }

    @Override
    public Optional<String> problem(Locale locale) {
        return refusal().map(refused -> refused.message(locale));
    }

    @Override
    public Optional<Identity> identity() {
        return Optional.ofNullable(identity);
    }

    /** Why an action is refused now, in the agent's language: none while a hub serves. */
    public Optional<CtiException> refusal() {
        return Optional.ofNullable(problem).map(why -> CtiException.of(why.key().orElseThrow(),
                why.arguments().toArray()));   // a new one for each refusal: each is thrown on its own
    }

    @Override
    public void addListener(HubStatusListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(HubStatusListener listener) {
        listeners.remove(listener);
    }

    private void check() {
        if (connected && !is(UNAVAILABLE) && System.nanoTime() - lastBeat > SILENCE.toNanos()) {
            LOG.warn("No heartbeat from the hub for {} ms", SILENCE.toMillis());
            set(CtiException.of(UNAVAILABLE));
            hubLost.run();
        }
    }

    private boolean is(String key) {
        CtiException now = problem;
        return now != null && now.key().orElseThrow().equals(key);
    }

    private synchronized void set(CtiException now) {
        CtiException before = problem;
        if (before == now || before != null && now != null && before.getMessage().equals(now.getMessage())) {
            return;
        }
        problem = now;
        for (HubStatusListener listener : listeners) {
            try {
                listener.hubStatusChanged(this);
            } catch (RuntimeException e) {
                LOG.warn("A hub status listener failed", e);
            }
        }
    }
}

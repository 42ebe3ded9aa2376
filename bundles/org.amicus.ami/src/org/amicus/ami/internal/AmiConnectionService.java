package org.amicus.ami.internal;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.amicus.ami.AmiConnection;
import org.amicus.ami.AmiConnectionLostException;
import org.amicus.ami.AmiEvent;
import org.amicus.ami.AmiEventListener;
import org.amicus.ami.AmiException;
import org.amicus.ami.AmiProfile;
import org.amicus.ami.ConnectionOptions;
import org.amicus.ami.ConnectionState;
import org.amicus.ami.ConnectionStatus;
import org.amicus.ami.ConnectionStatusListener;
import org.amicus.ami.OriginateOutcome;
import org.amicus.ami.OriginateRequest;
import org.amicus.ami.internal.Session.LoginFailure;
import org.asteriskjava.manager.action.ManagerAction;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.response.ManagerResponse;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link AmiConnection} over Amicus's own {@link Session sessions}. Logins, logoffs and reconnects run on one worker
 * thread, one at a time, so callers and DS activation never wait for the network; a new connect or a disconnect
 * gives up a login still under way at once. Timers (pings, backoff, originate deadlines) run on another thread.
 * Every future a caller gets completes on the caller-facing executor, never on a thread that reads, dispatches,
 * times or connects.
 */
@Component(service = AmiConnection.class)
public class AmiConnectionService implements AmiConnection, Session.Listener {

    private static final Logger LOG = LoggerFactory.getLogger(AmiConnectionService.class);
    /** How long past its own timeout an originate waits for the PBX to report its outcome. */
    static final Duration ORIGINATE_GRACE = Duration.ofSeconds(10);
    private static final Duration ACTION_TIMEOUT = Duration.ofSeconds(10);
    private static final int REFUSED_RECONNECTS_TOLERATED = 3;

    /** What to connect to, and to reconnect to after a loss, until disconnected. */
    private record Target(AmiProfile profile, String secret, ConnectionOptions options) {
        @Override
        public String toString() {
            return "Target[" + profile.server() + "]"; // never the secret
        }
    }

    private final ExecutorService worker = Executors.newSingleThreadExecutor(daemon("amicus-ami-connect"));
    private final ScheduledThreadPoolExecutor timers = newTimers();
    /** Where callers' continuations run: a blocking one holds up no other, and no reader or dispatcher. */
    private final ExecutorService callbacks = Executors.newCachedThreadPool(daemon("amicus-ami-callbacks"));
    private final OriginateTracker originates = new OriginateTracker(timers);
    private final TypedMessages typing = new TypedMessages();
    /** The socket of the login under way, if any: closing it gives that login up. */
    private final AtomicReference<Socket> opening = new AtomicReference<>();
    /** Connect and disconnect requests so far: a login that a later one gave up is no failure to report. */
    private final AtomicLong requests = new AtomicLong();
    private final Object statusLock = new Object();
    /** Events dropped by sessions that have ended. */
    private final AtomicLong droppedEarlier = new AtomicLong();
    private final List<AmiEventListener> eventListeners = new CopyOnWriteArrayList<>();
    private final List<ConnectionStatusListener> statusListeners = new CopyOnWriteArrayList<>();

    private volatile ConnectionStatus status = ConnectionStatus.INITIAL;
    private volatile Session session;
    // Worker thread only:
    private Target target;
    private Backoff backoff;
    private int refusedReconnects;

    @Activate
    void activate(BundleContext context) {
        try {
            LaunchProfile.from(context::getProperty, System.getenv()).ifPresent(launch -> {
                LOG.info("Connecting to {} as given at launch", launch.profile().server());
                // At once, not on the worker: whoever looks next (the workbench's auto-connect) sees it is taken.
                setStatus(ConnectionState.CONNECTING, launch.profile(), "");
                connect(launch.profile(), launch.secret());
            });
        } catch (IllegalArgumentException e) {
            LOG.error("Ignoring the AMI server given at launch: {}", e.getMessage());
        }
    }

    @Deactivate
    void deactivate() {
        disconnect();
        worker.shutdown();
        timers.shutdown();
        callbacks.shutdown();
    }

    @Override
    public ConnectionStatus status() {
        return status;
    }

    @Override
    public CompletableFuture<Void> connect(AmiProfile profile, String secret, ConnectionOptions options) {
        long request = giveUpOpening();
        return Futures.completedOn(callbacks, CompletableFuture.runAsync(() -> {
            closeSession();
            target = new Target(profile, secret, options);
            setStatus(ConnectionState.CONNECTING, profile, "");
            try {
                login(target);
            } catch (LoginFailure failure) {
                target = null;
                if (requests.get() != request) { // a later connect or disconnect gave this login up
                    LOG.info("Gave up connecting to {}", profile.server());
                    throw new AmiException("Gave up connecting to " + profile.server(), failure);
                }
                LOG.warn("Cannot connect to {}: {}", profile.server(), failure.getMessage());
                setStatus(ConnectionState.FAILED, profile, failure.getMessage());
                throw new AmiException("Cannot connect to " + profile.server() + ": " + failure.getMessage(),
                        failure);
            }
        }, worker));
    }

    /**
     * Counts a connect or disconnect request, and closes the socket of a login under way, which then fails at once
     * instead of at its timeout.
     *
     * @return the request's number
     */
    private long giveUpOpening() {
        long request = requests.incrementAndGet();
        Socket socket = opening.getAndSet(null);
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // given up either way
            }
        }
        return request;
    }

    private void login(Target to) throws LoginFailure {
        Session fresh;
        try {
            fresh = Session.open(to.profile(), to.secret(), to.options().eventQueueCapacity(), typing, callbacks,
                    this, opening::set);
        } finally {
            opening.set(null);
        }
        session = fresh; // current before it delivers anything, so that its first events count
        fresh.start();
        fresh.keepAlive(timers, to.options().pingInterval());
        backoff = new Backoff(to.options().reconnectMin(), to.options().reconnectMax());
        refusedReconnects = 0;
        LOG.info("Connected to {}", to.profile().server());
        fresh.requestResync();
        setStatus(ConnectionState.CONNECTED, to.profile(), "");
    }

    @Override
    public void onEvent(Session from, AmiEvent event) {
        if (from != session) {
            return;
        }
        originates.onEvent(event);
        for (AmiEventListener listener : eventListeners) { // as notify does, without two lambdas for every event
            try {
                listener.onEvent(event);
            } catch (RuntimeException | LinkageError e) {
                LOG.error("Listener {} failed", listener, e);
            }
        }
    }

    @Override
    public void onResync(Session from, long dropped) {
        if (from != session) {
            return;
        }
        if (dropped > 0) {
            LOG.warn("{} AMI events from {} were dropped: listeners could not keep up; asking them to resync",
                    dropped, from.profile.server());
        }
        eventListeners.forEach(listener -> notify(listener, listener::resync));
    }

    @Override
    public long droppedEvents() {
        Session current = session;
        return droppedEarlier.get() + (current == null ? 0 : current.droppedEvents());
    }

    @Override
    public void onLost(Session lost, String reason) {
        worker.execute(() -> {
            if (lost != session) {
                return;
            }
            detachSession();
            lost.close();
            scheduleReconnect("connection lost: " + reason);
        });
    }

    private void scheduleReconnect(String why) {
        Duration wait = backoff.next();
        setStatus(new ConnectionStatus(ConnectionState.RECONNECTING, target.profile(), why, Instant.now().plus(wait)));
        Target to = target;
        timers.schedule(() -> worker.execute(() -> reconnect(to)), wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void reconnect(Target to) {
        if (to != target || session != null) {
            return; // disconnected or connected elsewhere meanwhile
        }
        try {
            login(to);
        } catch (LoginFailure failure) {
            // A PBX that is still starting or already stopping refuses logins for a moment, so a refusal right
            // after a loss gets a few more tries; one that persists is no loop's business.
            if (failure.retryable || ++refusedReconnects < REFUSED_RECONNECTS_TOLERATED) {
                scheduleReconnect("cannot reconnect: " + failure.getMessage());
            } else {
                target = null;
                setStatus(ConnectionState.FAILED, to.profile(), failure.getMessage());
            }
        }
    }

    @Override
    public CompletableFuture<Void> disconnect() {
        giveUpOpening();
        return Futures.completedOn(callbacks, CompletableFuture.runAsync(() -> {
            boolean wasActive = target != null || session != null || status.state() == ConnectionState.CONNECTING;
            target = null;
            closeSession();
            if (wasActive) {
                setStatus(ConnectionState.DISCONNECTED, status.profile(), "");
            }
        }, worker));
    }

    /** Ends the current session, if any. */
    private void closeSession() {
        Session detached = detachSession();
        if (detached != null) {
            detached.close();
        }
    }

    /** Stops treating the current session as current: whatever it had pending will not get an outcome. */
    private Session detachSession() {
        Session current = session;
        session = null;
        if (current != null) {
            droppedEarlier.addAndGet(current.droppedEvents());
            originates.connectionLost();
        }
        return current;
    }

    @Override
    public CompletableFuture<ManagerResponse> send(ManagerAction action, Duration timeout) {
        Session current = session;
        if (current == null) {
            return CompletableFuture.failedFuture(new AmiConnectionLostException("Not connected to a PBX"));
        }
        return current.send(action, timeout);
    }

    @Override
    public CompletableFuture<List<AmiEvent>> sendList(ManagerAction action, Duration timeout) {
        Session current = session;
        if (current == null) {
            return CompletableFuture.failedFuture(new AmiConnectionLostException("Not connected to a PBX"));
        }
        return current.sendList(action, timeout);
    }

    @Override
    public CompletableFuture<OriginateOutcome> originate(OriginateRequest request) {
        String channelId = "amicus-" + UUID.randomUUID();
        String otherChannelId = channelId + "-2";
        CompletableFuture<OriginateOutcome> outcome = originates.track(channelId, otherChannelId,
                request.timeout().plus(ORIGINATE_GRACE));
        send(toAction(request, channelId, otherChannelId), ACTION_TIMEOUT).whenComplete((response, failure) -> {
            if (failure != null) {
                originates.forget(channelId);
                outcome.completeExceptionally(failure instanceof AmiException refused ? refused
                        : new AmiException("The PBX did not confirm " + request + " in time", failure));
            }
        });
        return Futures.completedOn(callbacks, outcome); // the tracker completes it on the dispatch or timer thread
    }

    private static OriginateAction toAction(OriginateRequest request, String channelId, String otherChannelId) {
        OriginateAction action = new OriginateAction();
        action.setChannel(request.channel());
        request.context().ifPresent(action::setContext);
        request.exten().ifPresent(action::setExten);
        if (request.priority() > 0) {
            action.setPriority(request.priority());
        }
        request.application().ifPresent(action::setApplication);
        request.data().ifPresent(action::setData);
        request.callerId().ifPresent(action::setCallerId);
        if (!request.variables().isEmpty()) {
            action.setVariables(request.variables());
        }
        action.setTimeout(request.timeout().toMillis());
        action.setAsync(true);
        action.setChannelId(channelId);
        action.setOtherChannelId(otherChannelId);
        action.setActionId(channelId); // the OriginateResponse answers it, whatever becomes of the channel
        return action;
    }

    /** The whiteboard: every {@link AmiEventListener} service hears this connection's events. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindEventListener(AmiEventListener listener) {
        addEventListener(listener);
    }

    void unbindEventListener(AmiEventListener listener) {
        removeEventListener(listener);
    }

    @Override
    public void addEventListener(AmiEventListener listener) {
        eventListeners.add(listener);
    }

    @Override
    public void removeEventListener(AmiEventListener listener) {
        eventListeners.remove(listener);
    }

    /** Under the lock that orders announcements: the listener hears the current status first, then every next. */
    @Override
    public void addStatusListener(ConnectionStatusListener listener) {
        synchronized (statusLock) {
            statusListeners.add(listener);
            notify(listener, () -> listener.statusChanged(status));
        }
    }

    @Override
    public void removeStatusListener(ConnectionStatusListener listener) {
        statusListeners.remove(listener);
    }

    private void setStatus(ConnectionState state, AmiProfile profile, String detail) {
        setStatus(new ConnectionStatus(state, profile, detail));
    }

    private void setStatus(ConnectionStatus next) {
        synchronized (statusLock) {
            status = next;
            statusListeners.forEach(listener -> notify(listener, () -> listener.statusChanged(next)));
        }
    }

    /** One failing listener must not keep the others from hearing. */
    private static void notify(Object listener, Runnable call) {
        try {
            call.run();
        } catch (RuntimeException | LinkageError e) {
            LOG.error("Listener {} failed", listener, e);
        }
    }

    private static ThreadFactory daemon(String name) {
        return Thread.ofPlatform().name(name).daemon().factory();
    }

    private static ScheduledThreadPoolExecutor newTimers() {
        ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(1, daemon("amicus-ami-timers"));
        timers.setRemoveOnCancelPolicy(true); // most deadlines are cancelled: do not keep them queued
        return timers;
    }
}

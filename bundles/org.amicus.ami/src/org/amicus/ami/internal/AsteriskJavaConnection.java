package org.amicus.ami.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.amicus.ami.AmiConnection;
import org.amicus.ami.AmiEventListener;
import org.amicus.ami.AmiException;
import org.amicus.ami.AmiProfile;
import org.amicus.ami.ConnectionState;
import org.amicus.ami.ConnectionStatus;
import org.amicus.ami.ConnectionStatusListener;
import org.amicus.ami.OriginateOutcome;
import org.amicus.ami.OriginateRequest;
import org.asteriskjava.manager.AuthenticationFailedException;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.action.ManagerAction;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.event.ConnectEvent;
import org.asteriskjava.manager.event.DisconnectEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.response.ManagerError;
import org.asteriskjava.manager.response.ManagerResponse;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link AmiConnection} over asterisk-java's {@link ManagerConnection}. Blocking asterisk-java calls (login, logoff)
 * run on one worker thread, so callers and DS activation never wait for the network.
 */
@Component(service = AmiConnection.class)
public class AsteriskJavaConnection implements AmiConnection {

    private static final Logger LOG = LoggerFactory.getLogger(AsteriskJavaConnection.class);
    /** How long past its own timeout an originate waits for the PBX to report its outcome. */
    static final Duration ORIGINATE_GRACE = Duration.ofSeconds(10);
    private static final Duration ACTION_TIMEOUT = Duration.ofSeconds(10);

    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "amicus-ami-connect");
        thread.setDaemon(true);
        return thread;
    });
    private final ScheduledThreadPoolExecutor timers = newTimers();
    private final OriginateTracker originates = new OriginateTracker(timers);
    private final List<AmiEventListener> eventListeners = new CopyOnWriteArrayList<>();
    private final List<ConnectionStatusListener> statusListeners = new CopyOnWriteArrayList<>();

    private volatile ConnectionStatus status = ConnectionStatus.INITIAL;
    private volatile ManagerConnection connection;

    private static ScheduledThreadPoolExecutor newTimers() {
        ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "amicus-ami-timers");
            thread.setDaemon(true);
            return thread;
        });
        timers.setRemoveOnCancelPolicy(true); // most deadlines are cancelled: do not keep them queued
        return timers;
    }

    @Activate
    void activate(BundleContext context) {
        try {
            LaunchProfile.from(context::getProperty, System.getenv()).ifPresent(launch -> {
                LOG.info("Connecting to {} as given at launch", launch.profile().server());
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
    }

    @Override
    public ConnectionStatus status() {
        return status;
    }

    @Override
    public CompletableFuture<Void> connect(AmiProfile profile, String secret) {
        return CompletableFuture.runAsync(() -> login(profile, secret), worker);
    }

    private void login(AmiProfile profile, String secret) {
        closeCurrent();
        setStatus(new ConnectionStatus(ConnectionState.CONNECTING, profile, ""));
        ManagerConnectionFactory factory = new ManagerConnectionFactory(profile.host(), profile.port(),
                profile.username(), secret);
        ManagerConnection fresh = profile.tls() ? factory.createSecureManagerConnection()
                : factory.createManagerConnection();
        fresh.setKeepAliveAfterAuthenticationFailure(false);
        fresh.addEventListener(event -> dispatch(profile, event));
        try {
            fresh.login();
        } catch (Exception e) {
            String reason = explain(e);
            LOG.warn("Login to {} failed: {}", profile.server(), reason);
            setStatus(new ConnectionStatus(ConnectionState.FAILED, profile, reason));
            throw new AmiException("Cannot connect to " + profile.server() + ": " + reason, e);
        }
        connection = fresh;
        LOG.info("Connected to {}", profile.server());
        setStatus(new ConnectionStatus(ConnectionState.CONNECTED, profile, ""));
    }

    private void dispatch(AmiProfile profile, ManagerEvent event) {
        // asterisk-java re-establishes a lost connection by itself and says so with these two events.
        originates.onEvent(event);
        if (event instanceof DisconnectEvent && connection != null) {
            originates.connectionLost();
            setStatus(new ConnectionStatus(ConnectionState.RECONNECTING, profile, "connection lost"));
        } else if (event instanceof ConnectEvent && status.state() == ConnectionState.RECONNECTING) {
            setStatus(new ConnectionStatus(ConnectionState.CONNECTED, profile, ""));
        }
        for (AmiEventListener listener : eventListeners) {
            try {
                listener.onEvent(event);
            } catch (RuntimeException e) {
                LOG.error("AMI event listener {} failed on {}", listener, event.getClass().getSimpleName(), e);
            }
        }
    }

    private static String explain(Exception e) {
        if (e instanceof AuthenticationFailedException) {
            return "wrong user name or secret, or this host is not permitted";
        }
        if (e instanceof UnknownHostException) {
            return "unknown host";
        }
        if (e instanceof ConnectException) {
            return "nothing listens there (connection refused)";
        }
        if (e instanceof org.asteriskjava.manager.TimeoutException) {
            return "the PBX did not answer in time";
        }
        if (e instanceof IOException) {
            return "network error (" + e.getClass().getSimpleName() + ")";
        }
        return e.getClass().getSimpleName();
    }

    @Override
    public CompletableFuture<Void> disconnect() {
        return CompletableFuture.runAsync(() -> {
            AmiProfile profile = status.profile();
            if (closeCurrent()) {
                setStatus(new ConnectionStatus(ConnectionState.DISCONNECTED, profile, ""));
            }
        }, worker);
    }

    /** Logs off the current connection, if any; true if there was one. */
    private boolean closeCurrent() {
        ManagerConnection current = connection;
        connection = null;
        if (current == null) {
            return false;
        }
        originates.connectionLost();
        try {
            current.logoff();
        } catch (IllegalStateException alreadyClosed) {
            LOG.debug("Connection was already closed", alreadyClosed);
        }
        return true;
    }

    @Override
    public CompletableFuture<ManagerResponse> send(ManagerAction action, Duration timeout) {
        CompletableFuture<ManagerResponse> response = new CompletableFuture<>();
        ManagerConnection current = connection;
        if (current == null) {
            response.completeExceptionally(new AmiException("Not connected to a PBX"));
            return response;
        }
        try {
            current.sendAction(action, response::complete);
        } catch (IOException | IllegalStateException e) {
            response.completeExceptionally(new AmiException("Could not send " + action.getAction(), e));
        }
        return response.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public CompletableFuture<OriginateOutcome> originate(OriginateRequest request) {
        String channelId = "amicus-" + UUID.randomUUID();
        String otherChannelId = channelId + "-2";
        CompletableFuture<OriginateOutcome> outcome = originates.track(channelId, otherChannelId,
                request.timeout().plus(ORIGINATE_GRACE));
        send(toAction(request, channelId, otherChannelId), ACTION_TIMEOUT).whenComplete((response, failure) -> {
            if (failure != null || response instanceof ManagerError) {
                originates.forget(channelId);
                String reason = failure != null ? failure.getMessage() : response.getMessage();
                outcome.completeExceptionally(new AmiException("The PBX did not accept " + request + ": " + reason,
                        failure));
            }
        });
        return outcome;
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
        return action;
    }

    @Override
    public void addEventListener(AmiEventListener listener) {
        eventListeners.add(listener);
    }

    @Override
    public void removeEventListener(AmiEventListener listener) {
        eventListeners.remove(listener);
    }

    @Override
    public void addStatusListener(ConnectionStatusListener listener) {
        statusListeners.add(listener);
        listener.statusChanged(status);
    }

    @Override
    public void removeStatusListener(ConnectionStatusListener listener) {
        statusListeners.remove(listener);
    }

    private void setStatus(ConnectionStatus next) {
        status = next;
        statusListeners.forEach(listener -> listener.statusChanged(next));
    }
}

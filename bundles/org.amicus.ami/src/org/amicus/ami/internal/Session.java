package org.amicus.ami.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.amicus.ami.AmiException;
import org.amicus.ami.AmiProfile;
import org.asteriskjava.manager.AuthenticationFailedException;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.action.EventGeneratingAction;
import org.asteriskjava.manager.action.ManagerAction;
import org.asteriskjava.manager.action.PingAction;
import org.asteriskjava.manager.event.DisconnectEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.ResponseEvent;
import org.asteriskjava.manager.response.ManagerError;
import org.asteriskjava.manager.response.ManagerResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One login to the PBX over an asterisk-java {@link ManagerConnection}, kept under watch by pings. It reports its
 * end once, whether the socket closed or the PBX stopped answering, and never reconnects by itself: that is the
 * owner's decision.
 */
final class Session {

    private static final Logger LOG = LoggerFactory.getLogger(Session.class);

    /** Why a login failed, and whether trying again later could help. */
    static final class LoginFailure extends AmiException {

        private static final long serialVersionUID = 1L;
        final boolean retryable;

        LoginFailure(String message, boolean retryable, Throwable cause) {
            super(message, cause);
            this.retryable = retryable;
        }
    }

    interface Listener {

        void onEvent(Session session, ManagerEvent event);

        void onLost(Session session, String reason);
    }

    final AmiProfile profile;
    private final ManagerConnection connection;
    private final Listener listener;
    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile ScheduledFuture<?> pinging;

    private Session(AmiProfile profile, ManagerConnection connection, Listener listener) {
        this.profile = profile;
        this.connection = connection;
        this.listener = listener;
    }

    /** Connects and logs in; blocks until done. */
    static Session open(AmiProfile profile, String secret, Listener listener) throws LoginFailure {
        ManagerConnectionFactory factory = new ManagerConnectionFactory(profile.host(), profile.port(),
                profile.username(), secret);
        ManagerConnection connection = profile.tls() ? factory.createSecureManagerConnection()
                : factory.createManagerConnection();
        connection.setKeepAliveAfterAuthenticationFailure(false);
        Session session = new Session(profile, connection, listener);
        connection.addEventListener(session::onManagerEvent);
        try {
            connection.login();
        } catch (Exception e) {
            throw new LoginFailure(explain(e), !(e instanceof AuthenticationFailedException), e);
        }
        return session;
    }

    private void onManagerEvent(ManagerEvent event) {
        if (event instanceof DisconnectEvent) {
            end("the PBX closed the connection");
        } else if (!ended.get()) {
            listener.onEvent(this, event);
        }
    }

    /**
     * Pings every interval; a ping unanswered within half the interval ends the session, so a connection that went
     * silent is given up at most one and a half intervals later.
     */
    void keepAlive(ScheduledExecutorService timers, Duration interval) {
        Duration patience = interval.dividedBy(2);
        pinging = timers.scheduleWithFixedDelay(() -> send(new PingAction(), patience).whenComplete((ok, failure) -> {
            if (failure != null) {
                end("no answer to a keepalive ping within " + patience.toMillis() + " ms");
            }
        }), interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    CompletableFuture<ManagerResponse> send(ManagerAction action, Duration timeout) {
        CompletableFuture<ManagerResponse> response = new CompletableFuture<>();
        try {
            connection.sendAction(action, answer -> {
                if (answer instanceof ManagerError) {
                    response.completeExceptionally(Refusals.of(action, answer));
                } else {
                    response.complete(answer);
                }
            });
        } catch (IOException | IllegalStateException e) {
            response.completeExceptionally(new AmiException("Could not send " + action.getAction(), e));
        }
        return response.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Sends an action that answers with a list of events, and collects them up to the list's end. */
    CompletableFuture<List<ResponseEvent>> sendList(EventGeneratingAction action, Duration timeout) {
        CompletableFuture<List<ResponseEvent>> events = new CompletableFuture<>();
        try {
            connection.sendEventGeneratingAction(action, answer -> {
                if (answer.getResponse() instanceof ManagerError error) {
                    events.completeExceptionally(Refusals.of(action, error));
                } else {
                    events.complete(List.copyOf(answer.getEvents()));
                }
            });
        } catch (IOException | IllegalStateException e) {
            events.completeExceptionally(new AmiException("Could not send " + action.getAction(), e));
        }
        return events.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Logs off and stops asterisk-java from reconnecting this connection on its own. */
    void close() {
        ended.set(true);
        stopPinging();
        try {
            connection.logoff();
        } catch (IllegalStateException alreadyClosed) {
            LOG.debug("Connection to {} was already closed", profile.server());
        }
    }

    private void end(String reason) {
        if (ended.compareAndSet(false, true)) {
            stopPinging();
            LOG.warn("Connection to {} lost: {}", profile.server(), reason);
            listener.onLost(this, reason);
        }
    }

    private void stopPinging() {
        ScheduledFuture<?> current = pinging;
        if (current != null) {
            current.cancel(false);
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
}

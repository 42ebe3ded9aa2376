package org.amicus.ami.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.security.cert.CertPathBuilderException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

import org.amicus.ami.AmiEvent;
import org.amicus.ami.AmiException;
import org.amicus.ami.AmiProfile;
import org.amicus.ami.asteriskjava.AsteriskJavaInternals;
import org.asteriskjava.manager.AuthenticationFailedException;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.action.ManagerAction;
import org.asteriskjava.manager.action.PingAction;
import org.asteriskjava.manager.event.DisconnectEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.response.ManagerError;
import org.asteriskjava.manager.response.ManagerResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One login to the PBX over an asterisk-java {@link ManagerConnection}, kept under watch by pings, with its own
 * event dispatch thread. It reports its end once, whether the socket closed or the PBX stopped answering, and never
 * reconnects by itself: that is the owner's decision.
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

        void onEvent(Session session, AmiEvent event);

        /** Listeners must resync: after a login, or since they fell behind and {@code dropped} events were lost. */
        void onResync(Session session, long dropped);

        void onLost(Session session, String reason);
    }

    final AmiProfile profile;
    private final ManagerConnection connection;
    private final EventDispatcher dispatcher;
    private final Listener listener;
    private final AtomicBoolean ended = new AtomicBoolean();
    private final Map<String, ListCollector> lists = new ConcurrentHashMap<>();
    private volatile ScheduledFuture<?> pinging;
    private volatile AmiSocket socket;

    private Session(AmiProfile profile, String secret, int eventQueueCapacity, Function<AmiEvent, ManagerEvent> typing,
            Listener listener) {
        this.profile = profile;
        this.listener = listener;
        this.dispatcher = new EventDispatcher("amicus-ami-events", eventQueueCapacity, this::answersAList,
                this::deliver, dropped -> listener.onResync(this, dropped));
        this.connection = AsteriskJavaInternals.connection(profile.username(), secret,
                () -> keepFirst(new AmiSocket(SocketOpener.open(profile), dispatcher::offer, typing)));
        // asterisk-java reports a closed socket with an event of its own making.
        connection.addEventListener(event -> {
            if (event instanceof DisconnectEvent) {
                end(Optional.ofNullable(socket).flatMap(AmiSocket::failure).orElse("the PBX closed the connection"));
            }
        });
    }

    /**
     * This session's socket. asterisk-java may open another on its own after a loss, before it tells of the loss;
     * the session keeps its first, whose reading ended and knows why.
     */
    private AmiSocket keepFirst(AmiSocket opened) {
        if (socket == null) {
            socket = opened;
        }
        return opened;
    }

    /** A session not yet connected: its events are delivered from the first one the login brings. */
    static Session create(AmiProfile profile, String secret, int eventQueueCapacity,
            Function<AmiEvent, ManagerEvent> typing, Listener listener) {
        return new Session(profile, secret, eventQueueCapacity, typing, listener);
    }

    /** Connects and logs in; blocks until done. */
    void login() throws LoginFailure {
        try {
            connection.login();
        } catch (Exception e) {
            ended.set(true);
            dispatcher.stop();
            boolean lasting = refused(e) || e instanceof SSLHandshakeException
                    || e instanceof AmiSocket.NotAmiException;
            AmiSocket opened = socket;
            String reason = opened != null && !opened.greeted() && opened.failure().isEmpty()
                    ? "the server sent no AMI greeting: is this the PBX's AMI port?" : explain(e, profile);
            throw new LoginFailure(reason, !lasting, e);
        }
    }

    /** Has the listeners resync once the events of the login are delivered. */
    void requestResync() {
        dispatcher.requestResync();
    }

    /** Events dropped so far because the listeners could not keep up. */
    long droppedEvents() {
        return dispatcher.dropped();
    }

    /** Whether the event is an item of a list this session asked for. */
    private boolean answersAList(AmiEvent event) {
        return lists.containsKey(ActionIds.ownPart(event));
    }

    private void deliver(AmiEvent event) {
        if (ended.get()) {
            return;
        }
        ListCollector list = lists.isEmpty() ? null : lists.get(ActionIds.ownPart(event));
        if (list != null) {
            if (event.get("EventList").filter("Complete"::equalsIgnoreCase).isPresent()) {
                list.result.complete(List.copyOf(list.events));
            } else {
                list.events.add(event);
            }
        }
        listener.onEvent(this, event);
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
            HeaderValues.checkAction(action);
            connection.sendAction(action, answer -> {
                if (answer instanceof ManagerError) {
                    response.completeExceptionally(Refusals.of(action, answer));
                } else {
                    response.complete(answer);
                }
            });
        } catch (IOException | IllegalStateException | IllegalArgumentException e) {
            response.completeExceptionally(notSent(action, e));
        }
        return response.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Sends an action that answers with a list of events, and collects them from Amicus's own event stream up to the
     * list's end ({@code EventList: Complete}). The action keeps an ActionID it already has, or gets one.
     */
    CompletableFuture<List<AmiEvent>> sendList(ManagerAction action, Duration timeout) {
        if (action.getActionId() == null) {
            action.setActionId("amicus-list-" + lists.size() + "-" + System.nanoTime());
        }
        String actionId = action.getActionId();
        ListCollector list = new ListCollector();
        lists.put(actionId, list);
        send(action, timeout).whenComplete((response, failure) -> {
            if (failure != null) {
                list.result.completeExceptionally(failure);
            }
        });
        return list.result.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((events, failure) -> lists.remove(actionId));
    }

    /** The events of one list action, gathered on the dispatch thread. */
    private static final class ListCollector {
        final List<AmiEvent> events = new ArrayList<>();
        final CompletableFuture<List<AmiEvent>> result = new CompletableFuture<>();
    }

    private static AmiException notSent(ManagerAction action, Exception e) {
        return e instanceof IllegalArgumentException
                ? new AmiException("Refusing to send " + action.getAction() + ": " + e.getMessage(), e)
                : new AmiException("Could not send " + action.getAction(), e);
    }

    /** Logs off and stops asterisk-java from reconnecting this connection on its own. */
    void close() {
        ended.set(true);
        stopPinging();
        dispatcher.stop();
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

    /**
     * Whether the PBX answered the login with a refusal, which trying again will not change. A refused challenge is
     * not one: an Asterisk still booting refuses it, and takes the same login a moment later.
     */
    private static boolean refused(Exception e) {
        return e instanceof AuthenticationFailedException && e.getCause() == null && !refusedChallenge(e);
    }

    private static boolean refusedChallenge(Exception e) {
        return e instanceof AuthenticationFailedException && String.valueOf(e.getMessage()).contains("challenge");
    }

    private static String explain(Exception e, AmiProfile profile) {
        if (e instanceof AuthenticationFailedException && e.getCause() instanceof Exception notSent) {
            return explain(notSent, profile); // the challenge or login could not be sent, or was not answered
        }
        if (refusedChallenge(e)) {
            return "the PBX refused the login challenge";
        }
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
        if (e instanceof SSLHandshakeException) {
            return explainTls(e, profile);
        }
        if (e instanceof AmiSocket.NotAmiException) {
            return e.getMessage();
        }
        if (e instanceof SSLException) {
            return "no TLS conversation with the PBX (" + e.getMessage() + "): is TLS enabled on this port?";
        }
        if (e instanceof IOException) {
            return "network error (" + e.getMessage() + ")";
        }
        return e.getClass().getSimpleName();
    }

    private static String explainTls(Exception e, AmiProfile profile) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            String message = String.valueOf(cause.getMessage());
            if (message.contains("No subject alternative") || message.contains("No name matching")) {
                return "the PBX's TLS certificate is not issued for " + profile.host();
            }
            if (cause instanceof CertPathBuilderException || message.contains("certification path")) {
                return "the PBX's TLS certificate is not trusted; if you trust it, make it this profile's trusted "
                        + "certificate";
            }
        }
        return "the TLS handshake failed (" + e.getMessage() + ")";
    }
}

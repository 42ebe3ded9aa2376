package org.amicus.ami.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertPathBuilderException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

import org.amicus.ami.AmiConnectionLostException;
import org.amicus.ami.AmiEvent;
import org.amicus.ami.AmiException;
import org.amicus.ami.AmiProfile;
import org.asteriskjava.manager.action.ChallengeAction;
import org.asteriskjava.manager.action.LoginAction;
import org.asteriskjava.manager.action.LogoffAction;
import org.asteriskjava.manager.action.ManagerAction;
import org.asteriskjava.manager.action.PingAction;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.response.ChallengeResponse;
import org.asteriskjava.manager.response.ManagerError;
import org.asteriskjava.manager.response.ManagerResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One login to the PBX over a socket of its own: it reads every frame on one thread (events to its dispatch thread,
 * responses to the actions awaiting them), writes on another, so that no caller, the UI thread included, ever waits
 * for the network, and completes every action's future on the caller-facing executor, so that no caller's code runs
 * on its reader. Kept under watch by pings, it reports its end once, whether the socket closed or the PBX stopped
 * answering, and never reconnects by itself: that is the owner's decision.
 */
final class Session {

    private static final Logger LOG = LoggerFactory.getLogger(Session.class);
    /** The longest wait for each step of the login: the greeting, the challenge, the login. */
    static final Duration LOGIN_STEP_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration LOGOFF_TIMEOUT = Duration.ofSeconds(1);

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
    private final AmiSocket socket;
    private final Function<AmiEvent, ManagerEvent> typing;
    private final Executor callbacks;
    private final Listener listener;
    private final EventDispatcher dispatcher;
    private final ExecutorService writer;
    private final AtomicBoolean ended = new AtomicBoolean();
    private final AtomicLong actionNumbers = new AtomicLong();
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final Map<String, ListCollector> lists = new ConcurrentHashMap<>();
    private volatile ScheduledFuture<?> pinging;

    private Session(AmiProfile profile, AmiSocket socket, int eventQueueCapacity,
            Function<AmiEvent, ManagerEvent> typing, Executor callbacks, Listener listener) {
        this.profile = profile;
        this.socket = socket;
        this.typing = typing;
        this.callbacks = callbacks;
        this.listener = listener;
        this.dispatcher = new EventDispatcher("amicus-ami-events", eventQueueCapacity, this::answersAList,
                this::deliver, dropped -> listener.onResync(this, dropped));
        socket.beforeRead(dispatcher::handOver);
        this.writer = Executors.newSingleThreadExecutor(
                Thread.ofPlatform().name("amicus-ami-writer").daemon().factory());
    }

    /**
     * Connects and logs in, each step bounded; blocks until done. Nothing is delivered to the listener before
     * {@link #start()}.
     *
     * @param opening told of the socket before it connects, so that it can be closed to give up at once
     */
    static Session open(AmiProfile profile, String secret, int eventQueueCapacity,
            Function<AmiEvent, ManagerEvent> typing, Executor callbacks, Listener listener,
            Consumer<Socket> opening) throws LoginFailure {
        AmiSocket socket;
        try {
            Socket plain = new Socket();
            opening.accept(plain);
            socket = new AmiSocket(SocketOpener.open(plain, profile));
        } catch (IOException e) {
            throw failure(e, profile);
        }
        Session session = null;
        try {
            socket.readTimeout(LOGIN_STEP_TIMEOUT);
            greeting(socket);
            session = new Session(profile, socket, eventQueueCapacity, typing, callbacks, listener);
            session.logIn(secret);
            socket.readTimeout(Duration.ZERO); // from now on the pings watch the connection
            return session;
        } catch (IOException | RuntimeException e) {
            socket.close();
            if (session != null) {
                session.stopThreads();
            }
            throw e instanceof IOException io ? failure(io, profile) : (RuntimeException) e;
        }
    }

    /** Starts reading and delivering events, those that came with the login first. */
    void start() {
        dispatcher.start();
        Thread.ofPlatform().name("amicus-ami-reader").daemon().start(this::read);
    }

    private static void greeting(AmiSocket socket) throws IOException {
        try {
            socket.banner(); // "Asterisk Call Manager/x.y.z": one line, no frame
        } catch (SocketTimeoutException silent) {
            throw new LoginFailure("the server sent no AMI greeting: is this the PBX's AMI port?", true, silent);
        }
    }

    /** The MD5 challenge login: the secret itself never crosses the network. */
    private void logIn(String secret) throws IOException {
        ManagerResponse challenge = exchange(new ChallengeAction("MD5"));
        if (!(challenge instanceof ChallengeResponse answer) || answer.getChallenge() == null) {
            // An Asterisk still booting refuses it, and takes the same login a moment later.
            throw new LoginFailure("the PBX refused the login challenge", true, null);
        }
        ManagerResponse login = exchange(new LoginAction(profile.username(), "MD5", md5(answer.getChallenge()
                + secret)));
        if (login instanceof ManagerError) {
            throw new LoginFailure("wrong user name or secret, or this host is not permitted", false, null);
        }
    }

    /** Sends an action during the login and reads up to its response, within the step's time. */
    private ManagerResponse exchange(ManagerAction action) throws IOException {
        String actionId = ActionIds.onWire(actionNumbers.incrementAndGet(), null);
        socket.write(ActionFrames.of(action, actionId));
        long deadline = System.nanoTime() + LOGIN_STEP_TIMEOUT.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                FrameReader.Frame frame = socket.readFrame();
                if (frame == null) {
                    throw new IOException("the PBX closed the connection during the login");
                }
                if (frame.isResponse() && actionId.equals(header(frame, "ActionID"))) {
                    return TypedMessages.response(action, frame.headers());
                }
                if (frame.isEvent()) {
                    dispatcher.offer(new AmiEvent(frame.headers(), typing));
                }
            }
        } catch (SocketTimeoutException silent) {
            // as below
        }
        throw new LoginFailure("the PBX did not answer in time", true, null);
    }

    private static String header(FrameReader.Frame frame, String name) {
        FrameHeaders headers = frame.headers();
        for (int i = 0; i < headers.size(); i++) {
            if (headers.name(i).equalsIgnoreCase(name)) {
                return headers.value(i);
            }
        }
        return null;
    }

    /** The reader thread: every frame until the socket ends. */
    private void read() {
        try {
            FrameReader.Frame frame;
            while ((frame = socket.readFrame()) != null) {
                route(frame);
            }
            end("the PBX closed the connection");
        } catch (IOException e) {
            end(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    private void route(FrameReader.Frame frame) {
        if (frame.tooLong()) {
            LOG.warn("Skipped a message from {} with a line longer than {} bytes ({}); listeners will resync",
                    profile.server(), LineReader.MAX_LINE, frame.first());
            dispatcher.lost();
        } else if (frame.isEvent()) {
            dispatcher.offer(new AmiEvent(frame.headers(), typing));
        } else if (frame.isResponse()) {
            dispatcher.handOver(); // the events before a response are queued when its caller hears of it
            answer(frame);
        } else {
            LOG.debug("Ignored a message from {} that is neither event nor response ({})", profile.server(),
                    frame.first());
        }
    }

    private void answer(FrameReader.Frame frame) {
        String actionId = header(frame, "ActionID");
        Pending waiting = actionId == null ? null : pending.remove(actionId);
        if (waiting == null) {
            LOG.debug("Ignored a response to no action of this connection ({})", actionId);
            return;
        }
        ManagerResponse response = TypedMessages.response(waiting.action, frame.headers());
        if (response instanceof ManagerError) {
            waiting.response.completeExceptionally(Refusals.of(waiting.action, response));
        } else {
            waiting.response.complete(response);
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

    /** Queues the action for the writer; its future completes on the caller-facing executor. */
    CompletableFuture<ManagerResponse> send(ManagerAction action, Duration timeout) {
        String actionId = ActionIds.onWire(actionNumbers.incrementAndGet(), action.getActionId());
        String frame;
        try {
            frame = ActionFrames.of(action, actionId);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(
                    new AmiException("Refusing to send " + action.getAction() + ": " + e.getMessage(), e));
        }
        Pending waiting = new Pending(action);
        pending.put(actionId, waiting);
        try {
            writer.execute(() -> write(frame, waiting));
        } catch (RejectedExecutionException closed) {
            waiting.response.completeExceptionally(new AmiConnectionLostException("Not connected to a PBX"));
        }
        return Futures.completedOn(callbacks, waiting.response.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((response, failure) -> pending.remove(actionId, waiting)));
    }

    /**
     * Writes on the writer thread. A failed write fails its action only: the reader says why the connection ended (a
     * write fails as soon as the PBX has gone, often before the reader has read why), and the pings end a connection
     * that went silent.
     */
    private void write(String frame, Pending waiting) {
        try {
            socket.write(frame);
        } catch (IOException e) {
            waiting.response.completeExceptionally(new AmiConnectionLostException("Could not send "
                    + waiting.action.getAction() + ": " + e.getMessage()));
        }
    }

    /**
     * Sends an action that answers with a list of events, and collects them from Amicus's own event stream up to the
     * list's end ({@code EventList: Complete}). The action keeps an ActionID it already has, or gets one.
     */
    CompletableFuture<List<AmiEvent>> sendList(ManagerAction action, Duration timeout) {
        if (action.getActionId() == null) {
            action.setActionId("amicus-list-" + actionNumbers.incrementAndGet());
        }
        String actionId = action.getActionId();
        ListCollector list = new ListCollector();
        lists.put(actionId, list);
        send(action, timeout).whenComplete((response, failure) -> {
            if (failure != null) {
                list.result.completeExceptionally(failure);
            }
        });
        return Futures.completedOn(callbacks, list.result.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((events, failure) -> lists.remove(actionId)));
    }

    /** One action awaiting its response. */
    private record Pending(ManagerAction action, CompletableFuture<ManagerResponse> response) {
        Pending(ManagerAction action) {
            this(action, new CompletableFuture<>());
        }
    }

    /** The events of one list action, gathered on the dispatch thread. */
    private static final class ListCollector {
        final List<AmiEvent> events = new ArrayList<>();
        final CompletableFuture<List<AmiEvent>> result = new CompletableFuture<>();
    }

    /** Logs off, waiting briefly for the writer to send it, and closes the socket and the threads. */
    void close() {
        if (ended.compareAndSet(false, true)) {
            stopPinging();
            try {
                String logoff = ActionFrames.of(new LogoffAction(), ActionIds.onWire(actionNumbers.incrementAndGet(),
                        null));
                writer.submit(() -> {
                    socket.write(logoff);
                    return null;
                }).get(LOGOFF_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                LOG.debug("No logoff sent to {}: {}", profile.server(), e.toString());
            }
            failPending("Disconnected from the PBX");
        }
        socket.close();
        stopThreads();
    }

    private void end(String reason) {
        if (ended.compareAndSet(false, true)) {
            stopPinging();
            socket.close();
            failPending("Connection to the PBX lost: " + reason);
            LOG.warn("Connection to {} lost: {}", profile.server(), reason);
            listener.onLost(this, reason);
        }
    }

    private void failPending(String why) {
        List.copyOf(pending.values()).forEach(waiting -> waiting.response.completeExceptionally(
                new AmiConnectionLostException(why)));
    }

    private void stopThreads() {
        writer.shutdownNow();
        dispatcher.stop();
    }

    private void stopPinging() {
        ScheduledFuture<?> current = pinging;
        if (current != null) {
            current.cancel(false);
        }
    }

    private static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has MD5", e);
        }
    }


    private static LoginFailure failure(IOException e, AmiProfile profile) {
        boolean lasting = e instanceof SSLHandshakeException || e instanceof FrameReader.NotAmiException;
        return new LoginFailure(explain(e, profile), !lasting, e);
    }

    private static String explain(IOException e, AmiProfile profile) {
        if (e instanceof UnknownHostException) {
            return "unknown host";
        }
        if (e instanceof ConnectException) {
            return "nothing listens there (connection refused)";
        }
        if (e instanceof SocketTimeoutException) {
            return "the PBX did not answer in time";
        }
        if (e instanceof SSLHandshakeException) {
            return explainTls(e, profile);
        }
        if (e instanceof FrameReader.NotAmiException || e instanceof SocketOpener.HandshakeTimeoutException) {
            return e.getMessage();
        }
        if (e instanceof SSLException) {
            return "no TLS conversation with the PBX (" + e.getMessage() + "): is TLS enabled on this port?";
        }
        return "network error (" + e.getMessage() + ")";
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

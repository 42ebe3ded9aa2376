package org.amicus.cli;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.amicus.ami.AmiConnection;
import org.amicus.ami.AmiConnectionLostException;
import org.amicus.ami.ConnectionState;
import org.amicus.ami.ConnectionStatus;
import org.amicus.ami.ConnectionStatusListener;
import org.amicus.cti.hub.HubDesktop;
import org.amicus.cti.hub.HubStatusListener;

/**
 * The way to the PBX as one run of the command line uses it, its own AMI connection or the hub's desktop connection:
 * connected once, every wait bounded and cut short by an interrupt, closed at the end.
 */
final class PbxSession implements AutoCloseable {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private final AmiConnection connection;
    private final HubDesktop hub;
    private final Terminal terminal;
    /** Completes with why once the connection is no longer up after the login. */
    private final CompletableFuture<String> lost = new CompletableFuture<>();
    private final ConnectionStatusListener watch = status -> {
        if (status.state() != ConnectionState.CONNECTED) {
            lost.complete(status.describe());
        }
    };
    private final HubStatusListener hubWatch = status -> status.problem(Locale.getDefault()).ifPresent(lost::complete);

    /** @param hub the hub's desktop connection, not yet connected, for a run through the hub; else {@code null} */
    PbxSession(AmiConnection connection, HubDesktop hub, Terminal terminal) {
        this.connection = connection;
        this.hub = hub;
        this.terminal = terminal;
    }

    /** Whether this run goes through the hub. */
    HubDesktop hub() {
        return hub;
    }

    /** Connects and logs in, or fails with {@link Exit#CANNOT_CONNECT} and the reason. */
    void connect(Login login) throws InterruptedException {
        if (hub != null) {
            connectToHub(login);
            return;
        }
        try {
            await(connection.connect(login.profile(), login.secret()), CONNECT_TIMEOUT, Messages.awaitLogin);
            connection.addStatusListener(watch);
        } catch (ExecutionException e) {
            throw new CliFailure(Exit.CANNOT_CONNECT, e.getCause().getMessage());
        } catch (CliFailure e) {
            throw e.exit() == Exit.CONNECTION_LOST ? new CliFailure(Exit.CANNOT_CONNECT,
                    Messages.bind(Messages.cannotConnect, login.profile().server(), e.getMessage())) : e;
        }
    }

    private void connectToHub(Login login) throws InterruptedException {
        try {
            hub.connect();   // bounded: connection, identity and channels each within seconds
        } catch (IOException e) {
            throw new CliFailure(Exit.CANNOT_CONNECT, Messages.bind(Messages.cannotConnect, login.target(),
                    e.getLocalizedMessage()));
        }
        hub.status().addListener(hubWatch);
        hub.status().problem(Locale.getDefault()).ifPresent(lost::complete);
    }

    /**
     * Waits for the future; fails with {@link Exit#CONNECTION_LOST} at the timeout and with {@link Exit#INTERRUPTED}
     * when the run is interrupted.
     *
     * @param what what the answer is to, e.g. {@link Messages#awaitLogin}
     */
    <T> T await(CompletableFuture<T> future, Duration timeout, String what)
            throws ExecutionException, InterruptedException {
        try {
            CompletableFuture.anyOf(future, terminal.interrupted()).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new CliFailure(Exit.CONNECTION_LOST,
                    Messages.bind(Messages.noAnswerWithin, what, timeout.toSeconds()));
        } catch (ExecutionException e) {
            // the future failed: get() below says how
        }
        if (!future.isDone()) {
            throw new CliFailure(Exit.INTERRUPTED, Messages.interrupted);
        }
        return future.get();
    }

    /**
     * Waits for the future as {@link #await} does, and fails with {@link Exit#CONNECTION_LOST} as soon as the
     * connection is lost: for answers that only this connection can give.
     */
    <T> T awaitConnected(CompletableFuture<T> future, Duration timeout, String what)
            throws ExecutionException, InterruptedException {
        try {
            await(CompletableFuture.anyOf(future, lost), timeout, what);
        } catch (ExecutionException failed) {
            // the future failed: get() below says how
        }
        if (!future.isDone()) {
            throw connectionLost(whyNotConnected().orElse(""));
        }
        try {
            return future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof AmiConnectionLostException gone) {
                throw connectionLost(gone.getMessage());
            }
            if (hub != null && !hub.status().available()) {   // the hub's refusal or its silence: it went away
                throw connectionLost(e.getCause().getLocalizedMessage());
            }
            throw e;
        }
    }

    /** Fails with {@link Exit#CONNECTION_LOST} unless the connection is still up: a result must not outlive it. */
    void checkConnected() {
        whyNotConnected().ifPresent(why -> {
            throw connectionLost(why);
        });
    }

    /** Empty while connected (the hub serving, in hub mode). */
    private Optional<String> whyNotConnected() {
        if (lost.isDone()) {
            return Optional.of(lost.join());
        }
        if (hub != null) {
            return hub.status().problem(Locale.getDefault());
        }
        ConnectionStatus now = connection.status();
        return now.state() == ConnectionState.CONNECTED ? Optional.empty() : Optional.of(now.describe());
    }

    private static CliFailure connectionLost(String why) {
        return new CliFailure(Exit.CONNECTION_LOST, Messages.bind(Messages.connectionLost, why));
    }

    /** Logs off; a PBX that does not confirm in time is left to notice the closed socket. */
    @Override
    public void close() {
        if (hub != null) {
            hub.status().removeListener(hubWatch);
            try {
                hub.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return;
        }
        connection.removeStatusListener(watch);
        try {
            connection.disconnect().get(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // the run's result stands; the connection is gone either way
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

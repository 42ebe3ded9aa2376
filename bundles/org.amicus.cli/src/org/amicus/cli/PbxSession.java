package org.amicus.cli;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.amicus.ami.AmiConnection;
import org.amicus.ami.AmiConnectionLostException;
import org.amicus.ami.ConnectionState;
import org.amicus.ami.ConnectionStatus;
import org.amicus.ami.ConnectionStatusListener;

/**
 * The AMI connection as one run of the command line uses it: connected once, every wait bounded and cut short by an
 * interrupt, closed at the end.
 */
final class PbxSession implements AutoCloseable {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private final AmiConnection connection;
    private final Terminal terminal;
    /** Completes with the status once the connection is no longer up after the login. */
    private final CompletableFuture<ConnectionStatus> lost = new CompletableFuture<>();
    private final ConnectionStatusListener watch = status -> {
        if (status.state() != ConnectionState.CONNECTED) {
            lost.complete(status);
        }
    };

    PbxSession(AmiConnection connection, Terminal terminal) {
        this.connection = connection;
        this.terminal = terminal;
    }

    /** Connects and logs in, or fails with {@link Exit#CANNOT_CONNECT} and the reason. */
    void connect(Login login) throws InterruptedException {
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
            throw connectionLost(lost.getNow(connection.status()).describe());
        }
        try {
            return future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof AmiConnectionLostException gone) {
                throw connectionLost(gone.getMessage());
            }
            throw e;
        }
    }

    /** Fails with {@link Exit#CONNECTION_LOST} unless the connection is still up: a result must not outlive it. */
    void checkConnected() {
        ConnectionStatus now = lost.getNow(connection.status());
        if (now.state() != ConnectionState.CONNECTED) {
            throw connectionLost(now.describe());
        }
    }

    private static CliFailure connectionLost(String why) {
        return new CliFailure(Exit.CONNECTION_LOST, Messages.bind(Messages.connectionLost, why));
    }

    /** Logs off; a PBX that does not confirm in time is left to notice the closed socket. */
    @Override
    public void close() {
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

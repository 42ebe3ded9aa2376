package org.amicus.cti.hub;

import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

import io.nats.client.AuthenticationException;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.impl.ErrorListenerLoggerImpl;

/**
 * Opens a connection to the NATS servers, and ends at once when a server refuses the user or its password. The client
 * alone would wait out its connection timeout after each server's refusal (it waits for the answer to its first ping,
 * which a refusing server never sends) before it tries the next server: 5 s a server. Desktops and the hub open
 * theirs through it.
 */
public final class NatsConnect {

    private NatsConnect() {
    }

    /**
     * @param options the connection's options; their error listener becomes the client's default one (it logs)
     * @throws AuthenticationException as soon as a server refuses the user or its password
     * @throws IOException             if no server can be reached
     */
    public static Connection open(Options.Builder options) throws IOException, InterruptedException {
        LoginRefusal refusal = new LoginRefusal();
        Connection connection;
        try {
            connection = Nats.connect(options.errorListener(refusal).build());
        } catch (IOException e) {
            throw refusal.refused.isDone() ? refusal.exception() : e;
        } finally {
            refusal.connectEnded();
        }
        if (refusal.refused.isDone()) {
            connection.close();
            throw refusal.exception();
        }
        return connection;
    }

    /** Closes the connection being opened when a server refuses the login while it opens. */
    private static final class LoginRefusal extends ErrorListenerLoggerImpl {

        private final CompletableFuture<String> refused = new CompletableFuture<>();
        private volatile boolean connecting = true;

        @Override
        public void errorOccurred(Connection connection, String error) {
            super.errorOccurred(connection, error);
            String lower = error.toLowerCase(Locale.ROOT);
            boolean loginRefused = lower.contains("authorization violation") || lower.startsWith("user authentication");
            if (connecting && loginRefused && refused.complete(error)) {
                // not on this thread: closing waits for the client's callbacks, this one among them, to end
                Thread.ofVirtual().name("amicus-nats-refused").start(() -> close(connection));
            }
        }

        AuthenticationException exception() {
            return new AuthenticationException("the NATS server refused the login: " + refused.join());
        }

        void connectEnded() {
            connecting = false;
        }

        private static void close(Connection connection) {
            try {
                connection.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

package org.amicus.ami.asteriskjava;

import java.io.IOException;
import java.util.Map;

import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.internal.AmicusEventBuilder;
import org.asteriskjava.manager.internal.ManagerConnectionImpl;
import org.asteriskjava.util.SocketConnectionFacade;

/**
 * The two things Amicus needs from inside asterisk-java, which keeps them in packages it does not export: a
 * manager connection over a socket of the caller's making, and its event builder. This bundle is a fragment of
 * asterisk-java so that it may reach them.
 */
public final class AsteriskJavaInternals {

    /** Opens the socket a manager connection talks over; called for every (re)connect. */
    @FunctionalInterface
    public interface SocketOpener {
        SocketConnectionFacade open() throws IOException;
    }

    private AsteriskJavaInternals() {
    }

    /** A manager connection (login, actions, responses) over sockets from the opener. */
    public static ManagerConnection connection(String username, String secret, SocketOpener opener) {
        ManagerConnectionImpl connection = new ManagerConnectionImpl() {
            @Override
            protected SocketConnectionFacade createSocket() throws IOException {
                return opener.open();
            }
        };
        connection.setUsername(username);
        connection.setPassword(secret);
        connection.setKeepAliveAfterAuthenticationFailure(false);
        return connection;
    }

    /**
     * asterisk-java's typed event for these attributes (lower-case header names; a list for a repeated header), or
     * {@code null} if it has no class for the event.
     */
    public static ManagerEvent typedEvent(Object source, Map<String, Object> attributes) {
        return AmicusEventBuilder.build(source, attributes);
    }
}

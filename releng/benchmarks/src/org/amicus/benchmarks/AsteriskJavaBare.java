package org.amicus.benchmarks;

import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.event.BridgeEvent;
import org.asteriskjava.manager.event.ConnectEvent;
import org.asteriskjava.manager.event.DialEvent;
import org.asteriskjava.manager.event.DisconnectEvent;
import org.asteriskjava.manager.event.FullyBootedEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.ProtocolIdentifierReceivedEvent;
import org.asteriskjava.manager.event.ReloadEvent;

/** asterisk-java alone: its own {@link ManagerConnection}, reader and dispatch, with a listener that does nothing. */
final class AsteriskJavaBare {

    private AsteriskJavaBare() {
    }

    static ManagerConnection run(int port, Tally tally) throws Exception {
        ManagerConnection connection = new ManagerConnectionFactory("127.0.0.1", port, "amicus", "secret")
                .createManagerConnection();
        connection.addEventListener(event -> {
            if (event instanceof FullyBootedEvent) {
                tally.end();
            } else if (event instanceof ReloadEvent) {
                tally.warmedUp();
            } else if (fromStream(event)) {
                tally.event();
            }
        });
        connection.login();
        return connection;
    }

    /** Not one of the events asterisk-java makes up itself: legacy twins of Dial and Bridge events, connects. */
    private static boolean fromStream(ManagerEvent event) {
        Class<?> type = event.getClass();
        return type != DialEvent.class && type != BridgeEvent.class && type != ConnectEvent.class
                && type != DisconnectEvent.class && type != ProtocolIdentifierReceivedEvent.class;
    }
}

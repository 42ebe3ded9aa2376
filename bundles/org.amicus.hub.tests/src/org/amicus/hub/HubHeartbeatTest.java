package org.amicus.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;

import org.amicus.cti.CtiException;
import org.amicus.cti.hub.internal.HubHeartbeat;
import org.junit.jupiter.api.Test;

import io.nats.client.ConnectionListener.Events;

/** The desktop's refusal while no hub serves it: a keyed failure, worded in the agent's language. */
class HubHeartbeatTest {

    @Test
    void withoutAConnectionActionsAreRefusedAsNotConnectedInTheAgentsLanguage() {
        HubHeartbeat heartbeat = new HubHeartbeat(() -> { }, () -> { });
        CtiException refusal = heartbeat.refusal().orElseThrow();
        assertEquals("notConnectedToHub", refusal.key().orElseThrow());
        assertEquals("Not connected to the hub", refusal.getMessage());
        assertEquals("\u041d\u0435\u0442 \u043f\u043e\u0434\u043a\u043b\u044e\u0447\u0435\u043d\u0438\u044f "
                + "\u043a \u0445\u0430\u0431\u0443", refusal.message(Locale.forLanguageTag("ru")));
        assertEquals("Nicht mit dem Hub verbunden", refusal.message(Locale.GERMAN));
    }

    @Test
    void aHubHeardAfterAReconnectServesAndALostConnectionRefusesAgain() {
        HubHeartbeat heartbeat = new HubHeartbeat(() -> { }, () -> { });
        heartbeat.connectionEvent(Events.RECONNECTED);
        heartbeat.alive();
        assertTrue(heartbeat.refusal().isEmpty());
        heartbeat.connectionEvent(Events.DISCONNECTED);
        assertEquals("notConnectedToHub", heartbeat.refusal().orElseThrow().key().orElseThrow());
    }
}

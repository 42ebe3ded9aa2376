package org.amicus.ami.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.amicus.ami.AmiException;
import org.amicus.ami.ConnectionState;
import org.amicus.testing.AgainstTestPbx;
import org.amicus.testing.TestPbx;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.asteriskjava.manager.event.NewStateEvent;
import org.asteriskjava.manager.event.OriginateResponseEvent;
import org.asteriskjava.manager.response.ManagerResponse;
import org.junit.jupiter.api.Test;

/** The DS connection service against the real test PBX, inside Equinox. */
class ConnectionServiceTest extends AgainstTestPbx {

    private static final Duration EVENT_TIMEOUT = Duration.ofSeconds(10);


    @Test
    void originateDeliversTypedEventsInsideEquinox() throws Exception {
        connectWithFullRights();
        assertEquals(ConnectionState.CONNECTED, connection.status().state());
        // A ChannelId of our own lets us recognise this call's events, whatever else the PBX does.
        String channelId = "amicus-" + UUID.randomUUID();
        OriginateAction originate = new OriginateAction();
        originate.setChannel("Local/100@" + TestPbx.CONTEXT);
        originate.setApplication("Wait");
        originate.setData("1");
        originate.setAsync(true);
        originate.setTimeout(10_000L);
        originate.setChannelId(channelId);

        ManagerResponse queued = connection.send(originate, Duration.ofSeconds(5)).get(10, TimeUnit.SECONDS);
        assertEquals("Success", queued.getResponse(), queued.getMessage());

        events.await(NewChannelEvent.class, e -> channelId.equals(e.getUniqueId()), EVENT_TIMEOUT);
        events.await(NewStateEvent.class,
                e -> channelId.equals(e.getUniqueId()) && Integer.valueOf(6).equals(e.getChannelState()),
                EVENT_TIMEOUT);
        OriginateResponseEvent outcome = events.await(OriginateResponseEvent.class,
                e -> channelId.equals(e.getUniqueId()), EVENT_TIMEOUT);
        assertEquals(4, outcome.getReason(), "Reason 4 means answered");
        HangupEvent hangup = events.await(HangupEvent.class, e -> channelId.equals(e.getUniqueId()),
                EVENT_TIMEOUT);
        assertTrue(hangup.getChannel().startsWith("Local/100@" + TestPbx.CONTEXT), hangup.getChannel());
    }

    @Test
    void restrictedUserLogsIn() throws Exception {
        connection.connect(TestPbx.restricted(), TestPbx.RESTRICTED_SECRET).get(15, TimeUnit.SECONDS);
        assertEquals(ConnectionState.CONNECTED, connection.status().state());
    }

    @Test
    void wrongSecretFailsWithAReasonAPersonUnderstands() {
        String wrong = "not-the-secret";
        ExecutionException failure = assertThrows(ExecutionException.class,
                () -> connection.connect(TestPbx.fullRights(), wrong).get(15, TimeUnit.SECONDS));
        AmiException cause = assertInstanceOf(AmiException.class, failure.getCause());
        assertTrue(cause.getMessage().contains("wrong user name or secret"), cause.getMessage());
        assertTrue(!cause.getMessage().contains(wrong), "the secret must not appear in the message");
        assertEquals(ConnectionState.FAILED, connection.status().state());
    }
}

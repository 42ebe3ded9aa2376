package org.amicus.reliability.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.amicus.ami.AmiException;
import org.amicus.ami.ConnectionState;
import org.amicus.ami.ConnectionStatus;
import org.amicus.reliability.tests.HostileCases.AfterLogin;
import org.amicus.reliability.tests.HostileCases.AtLogin;
import org.amicus.reliability.tests.HostileCases.Outcome;
import org.asteriskjava.manager.action.PingAction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed and hostile AMI input from a fake server: the client never crashes or hangs. It keeps the connection
 * when it can (later events still arrive, actions still get answers), and otherwise resets it, saying why, and
 * connects again; a server that misbehaves at login fails the login with a clear reason, once, without retrying.
 */
class HostileInputTest extends AgainstFakeServer {

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.amicus.reliability.tests.HostileCases#afterLogin")
    void afterLogin(AfterLogin hostile) throws Exception {
        connect(QUICK);
        TestLog log = new TestLog();
        if (hostile.closeAfter()) {
            fake.sendLast(hostile.bytes());
        } else if (hostile.outcome() == Outcome.RESET) {
            fake.sendUntilReset(hostile.bytes());
        } else {
            fake.send(hostile.bytes());
        }
        if (hostile.outcome() == Outcome.RESET) {
            ConnectionStatus lost = statuses.awaitNext(s -> s.state() == ConnectionState.RECONNECTING, TIMEOUT);
            assertTrue(lost.detail().contains(hostile.said()), lost.detail());
            log.assertLogged("Connection to " + fake.profile().server() + " lost: " + hostile.said());
            statuses.awaitNext(s -> s.state() == ConnectionState.CONNECTED, TIMEOUT);
            assertStillServes();
        } else {
            assertStillServes(); // what came later has arrived: what came before has been read
            if (hostile.said() != null) {
                log.assertLogged(hostile.said());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.amicus.reliability.tests.HostileCases#atLogin")
    void atLogin(AtLogin hostile) throws Exception {
        hostile.setup().accept(fake);
        TestLog log = new TestLog();
        ExecutionException failure = assertThrows(ExecutionException.class,
                () -> connection.connect(fake.profile(), FakeAmiServer.SECRET, QUICK).get(15, TimeUnit.SECONDS));
        AmiException cause = assertInstanceOf(AmiException.class, failure.getCause());
        assertTrue(cause.getMessage().contains(hostile.reason()), cause.getMessage());
        assertEquals(ConnectionState.FAILED, connection.status().state());
        log.assertLogged("Cannot connect to " + fake.profile().server() + ": ");
        log.assertLogged(hostile.reason());
        assertEquals(1, fake.connections(), "one attempt, no retries");
    }

    @Test
    void aSecondAnswerToTheSameActionIsIgnored() throws Exception {
        fake.answer("Ping", ping -> pong(ping).repeat(2));
        connect(QUICK);
        connection.send(new PingAction(), TIMEOUT).get(15, TimeUnit.SECONDS);
        assertStillServes();
    }

    @Test
    void anAnswerWithAnotherActionIdDoesNotAnswerTheAction() throws Exception {
        connect(QUICK);
        fake.answer("Ping", ping -> "Response: Success\r\nActionID: " + ping.get("ActionID") + "-not\r\n\r\n"
                + pong(ping));
        connection.send(new PingAction(), TIMEOUT).get(15, TimeUnit.SECONDS);
        assertStillServes();
    }

    @Test
    void anErrorAnsweringAnActionFailsThatActionOnly() throws Exception {
        connect(QUICK);
        fake.answer("Ping", ping -> "Response: Error\r\nActionID: " + ping.get("ActionID")
                + "\r\nMessage: Not today\r\n\r\n");
        ExecutionException refused = assertThrows(ExecutionException.class,
                () -> connection.send(new PingAction(), TIMEOUT).get(15, TimeUnit.SECONDS));
        assertTrue(refused.getCause().getMessage().contains("The PBX refused Ping: Not today"),
                refused.getCause().getMessage());
        fake.behaveNormally();
        assertStillServes();
    }

    /** A PBX that starts refusing the login after a loss (its secret was changed, say) is tried three times only. */
    @Test
    void aLoginRefusedAfterALossIsTriedThreeTimesThenGivenUp() throws Exception {
        connect(QUICK);
        fake.answer("Login", login -> "Response: Error\r\nActionID: " + login.get("ActionID")
                + "\r\nMessage: Authentication failed\r\n\r\n");
        fake.closeConnection();
        statuses.awaitNext(s -> s.state() == ConnectionState.FAILED, TIMEOUT);
        assertFalse(fake.awaitConnections(5, QUICK.reconnectMax().multipliedBy(5)), "no retry after giving up");
        assertEquals(1 + 3, fake.connections(), "the first login and three attempts after the loss");
    }

    /** Later events arrive, in order after what came before; actions get their answers. */
    private void assertStillServes() throws Exception {
        String marker = "after-" + UUID.randomUUID();
        fake.send("Event: UserEvent\r\nUserEvent: " + marker + "\r\n\r\n");
        events.await("UserEvent", e -> marker.equals(e.get("UserEvent").orElse("")), TIMEOUT);
        connection.send(new PingAction(), TIMEOUT).get(15, TimeUnit.SECONDS);
        assertEquals(ConnectionState.CONNECTED, connection.status().state());
    }

    private static String pong(FakeAmiServer.Action ping) {
        return "Response: Success\r\nActionID: " + ping.get("ActionID") + "\r\nPing: Pong\r\n\r\n";
    }
}

package org.amicus.ami.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.amicus.ami.AmiProfile;
import org.amicus.ami.ConnectionOptions;
import org.amicus.ami.ConnectionState;
import org.amicus.ami.OriginateOutcome;
import org.amicus.ami.OriginateOutcome.Result;
import org.amicus.ami.OriginateRequest;
import org.amicus.testing.AgainstTestPbx;
import org.amicus.testing.StatusRecorder;
import org.amicus.testing.TcpProxy;
import org.amicus.testing.TestPbx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The connection notices what goes wrong with the PBX or the network, and comes back by itself. */
class ResilienceTest extends AgainstTestPbx {

    private static final Duration PING = Duration.ofSeconds(1);
    private static final ConnectionOptions OPTIONS = new ConnectionOptions(PING, Duration.ofMillis(100),
            Duration.ofSeconds(1), ConnectionOptions.DEFAULT.eventQueueCapacity());

    private final StatusRecorder statuses = new StatusRecorder();

    @AfterEach
    void stopRecordingStatuses() {
        connection.removeStatusListener(statuses);
    }

    @Test
    void halfOpenConnectionIsNoticedWithinTwoPingsAndReplaced() throws Exception {
        try (TcpProxy proxy = new TcpProxy(TestPbx.HOST, TestPbx.PORT)) {
            connection.connect(new AmiProfile("via proxy", "127.0.0.1", proxy.port(), false, "amicus"),
                    TestPbx.SECRET, OPTIONS).get(15, TimeUnit.SECONDS);
            connection.addStatusListener(statuses);
            statuses.awaitNext(s -> s.state() == ConnectionState.CONNECTED, Duration.ofSeconds(1));

            long frozenAt = System.nanoTime();
            proxy.freeze();
            statuses.awaitNext(s -> s.state() == ConnectionState.RECONNECTING, PING.multipliedBy(4));
            Duration detection = Duration.ofNanos(System.nanoTime() - frozenAt);
            System.out.println("[figure] half-open connection detected after " + detection.toMillis() + " ms");
            assertTrue(detection.compareTo(PING.multipliedBy(2)) <= 0,
                    "detected after " + detection.toMillis() + " ms, ping interval " + PING.toMillis() + " ms");

            statuses.awaitNext(s -> s.state() == ConnectionState.CONNECTED, Duration.ofSeconds(15));
            events.awaitResyncs(2, Duration.ofSeconds(5)); // after the first login and after the reconnect
            assertAnswers();
        }
    }

    @Test
    void comesBackAfterThePbxRestarts() throws Exception {
        connection.connect(TestPbx.fullRights(), TestPbx.SECRET, OPTIONS).get(15, TimeUnit.SECONDS);
        connection.addStatusListener(statuses);
        try {
            TestPbx.stop();
            statuses.awaitNext(s -> s.state() == ConnectionState.RECONNECTING, Duration.ofSeconds(10));
        } finally {
            TestPbx.start();
        }
        long startedAt = System.nanoTime();
        statuses.awaitNext(s -> s.state() == ConnectionState.CONNECTED, Duration.ofSeconds(15));
        System.out.println("[figure] reconnected " + Duration.ofNanos(System.nanoTime() - startedAt).toMillis()
                + " ms after the PBX was up again");
        events.awaitResyncs(2, Duration.ofSeconds(5));
        assertAnswers();
    }

    /** Events flow: an originate gets its answer. */
    private void assertAnswers() throws Exception {
        OriginateOutcome outcome = connection.originate(OriginateRequest.call("Local/100@" + TestPbx.CONTEXT)
                .toApplication("Wait", "1").timeout(Duration.ofSeconds(5)).build()).get(20, TimeUnit.SECONDS);
        assertEquals(Result.ANSWERED, outcome.result());
    }
}

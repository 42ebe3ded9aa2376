package org.amicus.ami.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.amicus.ami.AmiPermissionException;
import org.amicus.ami.AmiProfile;
import org.amicus.ami.OriginateOutcome;
import org.amicus.ami.OriginateOutcome.Result;
import org.amicus.ami.OriginateRequest;
import org.amicus.testing.AgainstTestPbx;
import org.amicus.testing.TcpProxy;
import org.amicus.testing.TestPbx;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every originate outcome, produced by the real test PBX (its extensions and phones: releng/test-pbx/README.md). */
class OriginateOutcomeTest extends AgainstTestPbx {

    private static final Duration RING_TIME = Duration.ofSeconds(2);


    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(nullValues = "none", value = {
            "Local/100@amicus, ANSWERED,  none", // answers
            "Local/101@amicus, NO_ANSWER, none", // rings until the timeout
            "PJSIP/104,        NO_ANSWER, none", // a phone that rings and rings
            "PJSIP/107,        NO_ANSWER, none", // a phone that is not there
            "Local/102@amicus, BUSY,      none",
            "Local/103@amicus, CONGESTED, none",
            "Local/109@amicus, FAILED,    21", // Hangup(21): call rejected
            "PJSIP/110,        FAILED,    17", // the phone answers 486 Busy Here: user busy
            "Local/110@amicus, FAILED,    17", // the same through the dialplan
            "Local/999@amicus, FAILED,    none", // no such extension: the PBX gives no cause
            "PJSIP/999,        FAILED,    none", // no such endpoint: no channel, no cause
    })
    void reportsTheOutcomeThePbxReports(String channel, Result expected, Integer cause) throws Exception {
        connectWithFullRights();
        OriginateRequest request = OriginateRequest.call(channel).toApplication("Wait", "1").timeout(RING_TIME)
                .build();

        OriginateOutcome outcome = connection.originate(request).get(RING_TIME.toSeconds() + 10, TimeUnit.SECONDS);

        assertEquals(expected, outcome.result(), outcome.describe());
        assertTrue(outcome.channelId().startsWith("amicus-"), outcome.channelId());
        if (cause == null) {
            assertNull(outcome.cause(), outcome.describe());
        } else {
            assertEquals(cause, outcome.cause().code(), outcome.describe());
        }
    }

    @Test
    void lostConnectionEndsWhatIsPending() throws Exception {
        try (TcpProxy proxy = new TcpProxy(TestPbx.HOST, TestPbx.PORT)) {
            CompletableFuture<OriginateOutcome> outcome = ringPhoneThroughProxy(proxy, Duration.ofSeconds(30));

            proxy.cut();

            assertEquals(Result.CONNECTION_LOST, outcome.get(10, TimeUnit.SECONDS).result());
        }
    }

    @Test
    void silenceFromThePbxEndsInATimeout() throws Exception {
        try (TcpProxy proxy = new TcpProxy(TestPbx.HOST, TestPbx.PORT)) {
            CompletableFuture<OriginateOutcome> outcome = ringPhoneThroughProxy(proxy, RING_TIME);

            proxy.freeze(); // the PBX's OriginateResponse never gets through, and the socket stays open

            assertEquals(Result.TIMEOUT, outcome.get(RING_TIME.toSeconds() + 20, TimeUnit.SECONDS).result());
        }
    }

    /** Connects through the proxy and has PJSIP/104 ring, which it does until the ring time is up. */
    private CompletableFuture<OriginateOutcome> ringPhoneThroughProxy(TcpProxy proxy, Duration ringTime)
            throws Exception {
        connection.connect(new AmiProfile("Test PBX via proxy", "127.0.0.1", proxy.port(), false, "amicus"),
                TestPbx.SECRET).get(15, TimeUnit.SECONDS);
        CompletableFuture<OriginateOutcome> outcome = connection.originate(
                OriginateRequest.call("PJSIP/104").toApplication("Wait", "1").timeout(ringTime).build());
        events.awaitRinging("PJSIP/104", Duration.ofSeconds(10));
        return outcome;
    }

    @Test
    void refusedRequestsFailWithTheReason() throws Exception {
        connection.connect(TestPbx.restricted(), TestPbx.RESTRICTED_SECRET).get(15, TimeUnit.SECONDS);
        // Amicus runs no System; the PBX itself refuses a shell function in the data of one it does run
        OriginateRequest forbidden = OriginateRequest.call("Local/100@amicus")
                .toApplication("Playback", "${SHELL(true)}").build();

        ExecutionException failure = assertThrows(ExecutionException.class,
                () -> connection.originate(forbidden).get(15, TimeUnit.SECONDS));

        AmiPermissionException cause = assertInstanceOf(AmiPermissionException.class, failure.getCause());
        assertEquals("system", cause.permission());
        assertTrue(cause.getMessage().contains("Originate Access Forbidden"), cause.getMessage());
    }
}

package org.amicus.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.amicus.ami.HangupCause;
import org.amicus.ami.OriginateOutcome;
import org.amicus.cti.CallQueue;
import org.amicus.cti.MemberState;
import org.amicus.cti.QueueCaller;
import org.amicus.cti.QueueMember;
import org.amicus.cti.TransferOutcome;
import org.amicus.cti.hub.RecordJson;
import org.junit.jupiter.api.Test;

import io.nats.client.support.JsonParser;
import io.nats.client.support.JsonValue;

/** The hub's results as JSON and back, through the bytes a reply carries, with every kind of field they hold. */
class RecordJsonTest {

    @Test
    void anOriginateOutcomeKeepsItsCauseAndDetail() throws Exception {
        OriginateOutcome failed = new OriginateOutcome(OriginateOutcome.Result.ACTION_FAILED, "1732950000.42",
                new HangupCause(26, "Answered elsewhere"), "nothing left to pick up");
        assertEquals(failed, roundTrip(failed, OriginateOutcome.class));
        OriginateOutcome answered = new OriginateOutcome(OriginateOutcome.Result.ANSWERED, "1732950000.43", null);
        assertEquals(answered, roundTrip(answered, OriginateOutcome.class));
    }

    @Test
    void aQueueWithListsInstantsAndADurationComesBackEqual() throws Exception {
        CallQueue queue = new CallQueue("sales",
                List.of(new QueueCaller("sales", "1732950000.44", "PJSIP/trunk-0000001a", "0611000061", "Uma Lind", 1,
                        Instant.parse("2026-11-30T06:00:00Z"))),
                List.of(new QueueMember("sales", "PJSIP/106", "Agent 106", false, MemberState.PAUSED, true, "Lunch",
                        3)),
                5, 1, 4, Duration.ofSeconds(20));
        assertEquals(queue, roundTrip(queue, CallQueue.class));
    }

    @Test
    void aMissingFieldOrAWrongTypeIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> RecordJson.as(JsonParser.parse("{\"result\":\"NO_SUCH_RESULT\"}"), TransferOutcome.class));
        assertThrows(IllegalArgumentException.class,
                () -> RecordJson.as(JsonParser.parse("{\"queue\":\"sales\",\"callsTaken\":\"three\"}"),
                        QueueMember.class));
        assertEquals("no dynamic", assertThrows(IllegalArgumentException.class,
                () -> RecordJson.as(JsonParser.parse("{\"queue\":\"sales\"}"), QueueMember.class)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> RecordJson.of(Optional.of(new Object())));
    }

    private static <T> T roundTrip(T value, Class<T> type) throws Exception {
        JsonValue sent = RecordJson.of(value);
        return RecordJson.as(JsonParser.parse(sent.toJson()), type);
    }
}

package org.amicus.testing;

import java.util.concurrent.TimeUnit;

import org.amicus.ami.AmiConnection;
import org.amicus.ami.OriginateOutcome;
import org.amicus.ami.OriginateOutcome.Result;
import org.amicus.ami.OriginateRequest;
import org.amicus.cti.Channel;
import org.amicus.cti.ChannelSnapshot;

/** Calls set up on the test PBX for tests, each recognised by the ids Amicus gave it, never by a guess. */
public final class TestCalls {

    private TestCalls() {
    }

    /**
     * A customer (105) calls 104, which rings: returns once the customer's phone has answered and dials. Its outcome's
     * channel id is the customer's channel.
     */
    public static OriginateOutcome customerCallsPhone104(AmiConnection connection) throws Exception {
        return customerCallsPhone104(connection, "\"Customer\" <105>");
    }

    /** The same, with the caller id the customer calls with, e.g. {@code "Alice Martin" <0612345678>}. */
    public static OriginateOutcome customerCallsPhone104(AmiConnection connection, String callerId) throws Exception {
        OriginateOutcome dialling = connection.originate(OriginateRequest.call("PJSIP/105")
                .toExtension(TestPbx.CONTEXT, "104", 1).callerId(callerId).build())
                .get(30, TimeUnit.SECONDS);
        if (dialling.result() != Result.ANSWERED) {
            throw new AssertionError("the customer's phone did not answer: " + dialling.describe());
        }
        return dialling;
    }

    /** The channel that rings for the customer's channel, once the snapshot has it; {@code null} before. */
    public static Channel ringingFor(ChannelSnapshot snapshot, String customerChannelId) {
        return snapshot.byUniqueId(customerChannelId).flatMap(caller -> snapshot.byName(caller.bridgedWith()))
                .filter(Channel::isRinging).orElse(null);
    }
}

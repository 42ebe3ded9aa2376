package org.amicus.cti.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.amicus.ami.AmiConnection;
import org.amicus.ami.OriginateOutcome;
import org.amicus.ami.OriginateOutcome.Result;
import org.amicus.ami.OriginateRequest;
import org.amicus.cti.Channel;
import org.amicus.cti.ChannelSnapshot;
import org.amicus.testing.TestPbx;

/** Calls set up on the test PBX for CTI tests, each recognised by the ids Amicus gave it, never by a guess. */
final class TestCalls {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private TestCalls() {
    }

    /** A customer (105) calls 104, which rings: returns the caller's channel and the ringing one. */
    static Channel[] ringing(AmiConnection connection, RegistryWatcher watcher) throws Exception {
        OriginateOutcome dialling = connection.originate(OriginateRequest.call("PJSIP/105")
                .toExtension(TestPbx.CONTEXT, "104", 1).callerId("\"Customer\" <105>").build())
                .get(30, TimeUnit.SECONDS);
        assertEquals(Result.ANSWERED, dialling.result(), "the customer's phone answers, then dials 104");
        ChannelSnapshot ringing = watcher.await(s -> ringsFor(s, dialling.channelId()) != null, TIMEOUT,
                "104 rings for 105");
        return new Channel[] { ringing.byUniqueId(dialling.channelId()).orElseThrow(),
                ringsFor(ringing, dialling.channelId()) };
    }

    private static Channel ringsFor(ChannelSnapshot snapshot, String callerId) {
        return snapshot.byUniqueId(callerId).flatMap(caller -> snapshot.byName(caller.bridgedWith()))
                .filter(Channel::isRinging).orElse(null);
    }
}

package org.amicus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.amicus.testing.SipCall;
import org.amicus.testing.TestPbx;
import org.junit.jupiter.api.Test;

/** {@code amicus cli channels --watch} on a call that the phone which dialled it puts on hold, then takes back. */
class HoldCliTest extends CliAgainstTestPbx {

    @Test
    void theWatchShowsTheChannelOnHoldUntilItsPhoneTakesTheCallBack() throws Exception {
        CliRun watch = runAs(TestPbx.desktop().username(), TestPbx.DESKTOP_SECRET, "channels", "--watch", "--json");
        events.awaitResync(TIMEOUT); // told after the command line's login
        String holding;
        try (SipCall call = SipCall.phoneDialsAndHolds("106", "108")) {
            holding = events.await("Hold", e -> e.get("Channel").orElse("").startsWith("PJSIP/106-"),
                    TIMEOUT).get("Channel").orElseThrow();
            String name = "\"name\":\"" + holding + "\"";

            String onHold = watch.out.await(line -> line.startsWith("{\"change\":\"CHANGED\"") && line.contains(name)
                    && line.contains("\"onHold\":true"), TIMEOUT, "with " + holding + " on hold");

            events.await("Unhold", e -> e.get("Channel").orElse("").equals(holding), TIMEOUT);
            watch.out.await(line -> line.startsWith("{\"change\":\"CHANGED\"") && line.contains(name)
                    && line.contains("\"onHold\":false")
                    && watch.out.text().lastIndexOf(line) > watch.out.text().indexOf(onHold), TIMEOUT,
                    "with " + holding + " taken off hold");
        }
        // both legs gone before the watch ends, so that no test after this one finds them as stale channels
        for (String leg : List.of(holding, "PJSIP/108-")) {
            watch.out.await(line -> line.startsWith("{\"change\":\"REMOVED\"")
                    && line.contains("\"name\":\"" + leg), TIMEOUT, "without " + leg);
        }
        watch.closeInput();
        assertEquals(Exit.OK.code(), watch.awaitExit(TIMEOUT), watch.toString());
    }
}

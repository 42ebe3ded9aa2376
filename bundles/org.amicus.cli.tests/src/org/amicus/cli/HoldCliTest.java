package org.amicus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.amicus.testing.AgainstTestPbx;
import org.amicus.testing.SipCall;
import org.amicus.testing.TestPbx;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code amicus cli channels --watch} on a call that the phone which dialled it puts on hold, then takes back. */
class HoldCliTest extends AgainstTestPbx {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private Cli cli;

    @BeforeEach
    void findCli() throws Exception {
        cli = services.get(Cli.class);
    }

    @Test
    void theWatchShowsTheChannelOnHoldUntilItsPhoneTakesTheCallBack() throws Exception {
        CliRun watch = new CliRun(cli, Map.of(Login.SECRET_VARIABLE, TestPbx.DESKTOP_SECRET),
                List.of("channels", "--watch", "--json", "--host", TestPbx.HOST, "--port",
                        String.valueOf(TestPbx.PORT), "--user", TestPbx.desktop().username()));
        events.awaitResync(TIMEOUT); // told after the command line's login
        try (SipCall call = SipCall.phoneDialsAndHolds("106", "108")) {
            String holding = events.await("Hold", e -> e.get("Channel").orElse("").startsWith("PJSIP/106-"),
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
        watch.closeInput();
        assertEquals(Exit.OK.code(), watch.awaitExit(TIMEOUT), watch.toString());
    }
}

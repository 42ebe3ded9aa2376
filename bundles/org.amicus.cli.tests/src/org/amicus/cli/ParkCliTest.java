package org.amicus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.amicus.testing.AgainstTestPbx;
import org.amicus.testing.SipCall;
import org.amicus.testing.TestPbx;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code amicus cli park} on a customer's call over the trunk that my phone (108) answered by itself, and
 * {@code amicus cli retrieve} of the parked call to another phone.
 */
class ParkCliTest extends AgainstTestPbx {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private Cli cli;

    @BeforeEach
    void findCli() throws Exception {
        cli = services.get(Cli.class);
    }

    @Test
    void parkPutsTheCustomerInASpaceAndSaysWhichAndParkedListsIt() throws Exception {
        connectWithFullRights();
        try (SipCall customer = SipCall.customerCalls(SipCall.directLine("108"), "0611000061", "Noa Bell")) {
            String trunk = events.await("BridgeEnter", e -> e.get("Channel").orElse("").startsWith("PJSIP/trunk-")
                    && e.get("CallerIDNum").orElse("").equals("0611000061"), TIMEOUT).get("Channel").orElseThrow();

            CliRun park = run("park", "--device", "PJSIP/108", "--context", TestPbx.CONTEXT);

            assertEquals(Exit.OK.code(), park.awaitExit(TIMEOUT), park.toString());
            String space = events.await("ParkedCall", e -> e.get("ParkeeChannel").orElse("").equals(trunk), TIMEOUT)
                    .get("ParkingSpace").orElseThrow();
            assertEquals(List.of("Parked " + trunk + " in space " + space), park.out.lines());

            CliRun parked = run("parked", "--json");

            assertEquals(Exit.OK.code(), parked.awaitExit(TIMEOUT), parked.toString());
            assertTrue(parked.out.lines().stream().anyMatch(line -> line.contains("\"space\":\"" + space + "\"")
                    && line.contains("\"channel\":\"" + trunk + "\"")
                    && line.contains("\"callerNumber\":\"0611000061\"")), parked.toString());
        }
    }

    @Test
    void parkWithoutAnAnsweredCallIsBadInput() throws Exception {
        CliRun park = run("park", "--device", "PJSIP/105");

        assertEquals(Exit.BAD_INPUT.code(), park.awaitExit(TIMEOUT), park.toString());
        assertTrue(park.err.text().contains("My phone PJSIP/105 has no answered call"), park.toString());
    }

    @Test
    void retrieveConnectsMyPhoneToTheCallParkedInTheSpace() throws Exception {
        connectWithFullRights();
        try (SipCall customer = SipCall.customerCalls(SipCall.directLine("108"), "0611000062", "Ole Dahl")) {
            String trunk = events.await("BridgeEnter", e -> e.get("Channel").orElse("").startsWith("PJSIP/trunk-")
                    && e.get("CallerIDNum").orElse("").equals("0611000062"), TIMEOUT).get("Channel").orElseThrow();
            CliRun park = run("park", "--device", "PJSIP/108", "--context", TestPbx.CONTEXT);
            assertEquals(Exit.OK.code(), park.awaitExit(TIMEOUT), park.toString());
            String space = events.await("ParkedCall", e -> e.get("ParkeeChannel").orElse("").equals(trunk), TIMEOUT)
                    .get("ParkingSpace").orElseThrow();

            CliRun retrieve = run("retrieve", space, "--device", "PJSIP/105", "--json");

            assertEquals(Exit.OK.code(), retrieve.awaitExit(Duration.ofSeconds(30)), retrieve.toString());
            String retriever = events.await("UnParkedCall", e -> e.get("ParkeeChannel").orElse("").equals(trunk),
                    TIMEOUT).get("RetrieverUniqueid").orElseThrow();
            assertTrue(retrieve.out.text().contains("\"result\":\"ANSWERED\"")
                    && retrieve.out.text().contains("\"channelId\":\"" + retriever + "\""), retrieve.toString());
        }
    }

    @Test
    void retrieveFromAnEmptySpaceIsBadInput() throws Exception {
        CliRun retrieve = run("retrieve", "820", "--device", "PJSIP/105");

        assertEquals(Exit.BAD_INPUT.code(), retrieve.awaitExit(TIMEOUT), retrieve.toString());
        assertTrue(retrieve.err.text().contains("No call is parked in space 820"), retrieve.toString());
    }

    private CliRun run(String... words) throws Exception {
        List<String> args = new ArrayList<>(List.of(words));
        args.addAll(List.of("--host", TestPbx.HOST, "--port", String.valueOf(TestPbx.PORT), "--user", "amicus"));
        return new CliRun(cli, Map.of(Login.SECRET_VARIABLE, TestPbx.SECRET), args);
    }
}

package org.amicus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.amicus.testing.SipCall;
import org.amicus.testing.TestPbx;
import org.junit.jupiter.api.Test;

/**
 * {@code amicus cli transfer --attended} on calls my phone (108) answered by itself: a customer's over the trunk, a
 * colleague's phone dialling me; complete and cancel typed on standard input, as a person would.
 */
class AttendedTransferCliTest extends CliAgainstTestPbx {

    @Test
    void completeHandsTheCustomerToTheColleagueIConsulted() throws Exception {
        connectWithFullRights();
        try (SipCall customer = SipCall.customerCalls(SipCall.directLine("108"), "0611000061", "Mia Roth")) {
            String trunk = answered(customer);

            CliRun transfer = run("transfer", "--attended", "106", "--device", "PJSIP/108", "--context", TestPbx.CONTEXT);
            transfer.out.await(line -> line.equals("Consulting 106@amicus while " + trunk + " waits on hold"), TIMEOUT,
                    "the consultation");
            events.await("Newstate", e -> e.get("Channel").orElse("").startsWith("PJSIP/106-")
                    && e.get("ChannelState").orElse("").equals("6"), TIMEOUT);
            transfer.type("complete");

            assertEquals(Exit.OK.code(), transfer.awaitExit(TIMEOUT), transfer.toString());
            assertEquals(List.of("Consulting 106@amicus while " + trunk + " waits on hold",
                    "Transferred " + trunk + " to 106@amicus"), transfer.out.lines());
            events.await("AttendedTransfer", e -> e.get("Result").orElse("").equals("Success")
                    && e.get("OrigTransfererChannel").orElse("").startsWith("PJSIP/108-"), TIMEOUT);
        }
    }

    @Test
    void cancelTakesTheColleagueBackAndAnUnknownWordIsExplained() throws Exception {
        connectWithFullRights();
        try (SipCall colleague = SipCall.phoneDials("105", "108")) {
            String caller = answered(colleague);

            CliRun transfer = run("transfer", "--attended", "106", "--device", "PJSIP/108", "--context", TestPbx.CONTEXT, "--json");
            transfer.out.await(line -> line.contains("\"result\":\"CONSULTING\""), TIMEOUT, "the consultation");
            transfer.type("maybe");
            transfer.err.await(line -> line.equals("amicus cli: type complete or cancel, not maybe"), TIMEOUT,
                    "the explanation");
            transfer.type("cancel");

            assertEquals(Exit.OK.code(), transfer.awaitExit(TIMEOUT), transfer.toString());
            assertEquals("{\"command\":\"transfer\",\"argument\":\"106\",\"attended\":true,\"device\":\"PJSIP/108\","
                    + "\"result\":\"RETURNED\",\"transferee\":\"" + caller + "\",\"destination\":\"106@amicus\","
                    + "\"detail\":\"cancelled\",\"exit\":0}", transfer.out.lines().get(1));
            assertTrue(events.all(e -> e.name().equals("AttendedTransfer")).isEmpty(), "nothing was transferred");
        }
    }

    @Test
    void aBusyColleagueSendsTheCustomerBackAndTheExitSaysSo() throws Exception {
        connectWithFullRights();
        try (SipCall customer = SipCall.customerCalls(SipCall.directLine("108"), "0611000062", "Noa Falk")) {
            String trunk = answered(customer);

            CliRun transfer = run("transfer", "--attended", "110", "--device", "PJSIP/108", "--context", TestPbx.CONTEXT);

            assertEquals(Exit.ACTION_FAILED.code(), transfer.awaitExit(TIMEOUT), transfer.toString());
            assertEquals(trunk + " is back with me: 110@amicus did not take the call", transfer.out.lines().getLast());
            assertTrue(!customer.ended(), "the customer is still there");
        }
    }

    /** The calling channel, once my phone 108 has answered it. */
    private String answered(SipCall call) throws InterruptedException {
        String calling = events.await("BridgeEnter", e -> e.get("CallerIDNum").orElse("").equals(call.caller())
                && !e.get("Channel").orElse("").startsWith("PJSIP/108-"), TIMEOUT).get("Channel").orElseThrow();
        events.await("BridgeEnter", e -> e.get("Channel").orElse("").startsWith("PJSIP/108-")
                && e.get("ConnectedLineNum").orElse("").equals(call.caller()), TIMEOUT);
        return calling;
    }

    private CliRun run(String... words) throws Exception {
        return runAs("amicus", TestPbx.SECRET, words);
    }
}

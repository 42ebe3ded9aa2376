package org.amicus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.amicus.testing.SipCall;
import org.amicus.testing.TestPbx;
import org.junit.jupiter.api.Test;

/** {@code amicus cli transfer} on a customer's call over the trunk that my phone (108) answered by itself. */
class TransferCliTest extends CliAgainstTestPbx {

    @Test
    void transferSendsTheCustomerOnAndSaysSo() throws Exception {
        connectWithFullRights();
        try (SipCall customer = SipCall.customerCalls(SipCall.directLine("108"), "0611000051", "Jon Pike")) {
            String trunk = events.await("BridgeEnter", e -> e.get("Channel").orElse("").startsWith("PJSIP/trunk-")
                    && e.get("CallerIDNum").orElse("").equals("0611000051"), TIMEOUT).get("Channel").orElseThrow();

            CliRun transfer = run("transfer", "106", "--device", "PJSIP/108", "--context", TestPbx.CONTEXT);

            assertEquals(Exit.OK.code(), transfer.awaitExit(TIMEOUT), transfer.toString());
            assertEquals(List.of("Transferred " + trunk + " to 106@amicus"), transfer.out.lines());
            events.await("BlindTransfer", e -> e.get("Result").orElse("").equals("Success")
                    && e.get("TransfereeChannel").orElse("").equals(trunk), TIMEOUT);
        }
    }

    /** Sent to an extension the PBX does not have, the customer would be hung up: nothing is transferred. */
    @Test
    void transferToANumberNotInMyDialContextIsBadInput() throws Exception {
        connectWithFullRights();
        try (SipCall customer = SipCall.customerCalls(SipCall.directLine("108"), "0611000052", "Lea Varga")) {
            events.await("BridgeEnter", e -> e.get("Channel").orElse("").startsWith("PJSIP/trunk-")
                    && e.get("CallerIDNum").orElse("").equals("0611000052"), TIMEOUT);

            CliRun transfer = run("transfer", "106", "--device", "PJSIP/108", "--context", "nowhere");

            assertEquals(Exit.BAD_INPUT.code(), transfer.awaitExit(TIMEOUT), transfer.toString());
            assertEquals(List.of("amicus cli: The PBX has no 106 in nowhere: nothing was transferred"),
                    transfer.err.lines());
            assertTrue(events.all(e -> e.name().equals("BlindTransfer")).isEmpty(), "no transfer was tried");
            assertTrue(!customer.ended(), "the customer is still there");
        }
    }

    @Test
    void transferWithoutAnAnsweredCallIsBadInput() throws Exception {
        CliRun transfer = run("transfer", "106", "--device", "PJSIP/105");

        assertEquals(Exit.BAD_INPUT.code(), transfer.awaitExit(TIMEOUT), transfer.toString());
        assertTrue(transfer.err.text().contains("My phone PJSIP/105 has no answered call"), transfer.toString());
    }

    private CliRun run(String... words) throws Exception {
        return runAs("amicus", TestPbx.SECRET, words);
    }
}

package org.amicus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.amicus.testing.SipCall;
import org.amicus.testing.TestPbx;
import org.junit.jupiter.api.Test;

/** {@code amicus cli colleagues} against the real test PBX, while a customer's call rings a phone. */
class ColleaguesCliTest extends CliAgainstTestPbx {

    @Test
    void colleaguesListsEveryPhoneWithAHintAndWhatItIsDoing() throws Exception {
        connectWithFullRights();
        try (SipCall customer = SipCall.customerCalls(SipCall.directLine("104"), "0611000031", "Hugo Berg")) {
            events.await("ExtensionStatus", e -> e.get("Exten").orElse("").equals("104")
                    && e.get("Status").orElse("").equals("8"), TIMEOUT);

            CliRun text = runAs("amicus", TestPbx.SECRET, "colleagues");
            assertEquals(Exit.OK.code(), text.awaitExit(TIMEOUT), text.toString());
            assertEquals(ColleagueList.HEADING, text.out.lines().get(0));
            assertEquals(List.of("104", "105", "106", "107", "108", "110"),
                    text.out.lines().stream().skip(1).map(line -> line.split(" +")[0]).toList(), text.toString());
            text.out.await(line -> line.matches("104 +PJSIP/104 +Ringing +\\d+:\\d\\d"), Duration.ZERO,
                    "of the ringing phone");
            String row = "1\\d\\d +PJSIP/1\\d\\d +(Idle|Ringing|In use|Busy|On hold|Unavailable|Do not disturb)"
                    + ".* +\\d+:\\d\\d";
            assertTrue(text.out.lines().stream().skip(1).allMatch(line -> line.matches(row)), text.toString());

            CliRun json = runAs("amicus", TestPbx.SECRET, "colleagues", "--json");
            assertEquals(Exit.OK.code(), json.awaitExit(TIMEOUT), json.toString());
            json.out.await(line -> line.startsWith("{\"extension\":\"104\",\"context\":\"amicus\",\"hint\":"
                    + "\"PJSIP/104,CustomPresence:104\",\"device\":\"PJSIP/104\",\"state\":\"RINGING\",\"inUse\":false,"
                    + "\"extensionStatus\":8,\"since\":\""), Duration.ZERO, "of the ringing phone");
        }
    }

    @Test
    void colleaguesWithoutTheRightToListThemIsPermissionDenied() throws Exception {
        CliRun colleagues = runAs("amicus-restricted", TestPbx.RESTRICTED_SECRET, "colleagues");

        assertEquals(Exit.PERMISSION_DENIED.code(), colleagues.awaitExit(TIMEOUT), colleagues.toString());
        assertTrue(colleagues.err.text().contains("may not run ExtensionStateList"), colleagues.toString());
    }
}

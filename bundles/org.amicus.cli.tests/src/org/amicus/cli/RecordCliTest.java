package org.amicus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.amicus.testing.RawAmi;
import org.amicus.testing.SipCall;
import org.amicus.testing.TestPbx;
import org.junit.jupiter.api.Test;

/**
 * {@code amicus cli record}, with the desktop's rights, on a customer's call over the trunk that my phone (108)
 * answered by itself; the PBX's own {@code MixMonitor*} events, seen by an admin, are the evidence.
 */
class RecordCliTest extends CliAgainstTestPbx {

    @Test
    void recordStartsMutesAndStopsTheRecordingOfMyCall() throws Exception {
        try (RawAmi pbx = new RawAmi();
                SipCall customer = SipCall.customerCalls(SipCall.directLine("108"), "0611000053", "Noa Brandt")) {
            String mine = pbx.awaitEvent("BridgeEnter", "ConnectedLineNum", customer.caller()).get("Channel");

            CliRun start = run("record", "start");
            assertEquals(Exit.OK.code(), start.awaitExit(TIMEOUT), start.toString());
            assertEquals(List.of(mine + " is being recorded"), start.out.lines());
            pbx.awaitEvent("MixMonitorStart", "Channel", mine);

            CliRun mute = run("record", "mute", "--json");
            assertEquals(Exit.OK.code(), mute.awaitExit(TIMEOUT), mute.toString());
            assertTrue(mute.out.text().contains("\"recording\":true,\"muted\":true"), mute.toString());
            pbx.awaitEvent("MixMonitorMute", "Channel", mine);

            CliRun stop = run("record", "stop");
            assertEquals(Exit.OK.code(), stop.awaitExit(TIMEOUT), stop.toString());
            assertEquals(List.of(mine + " is not being recorded"), stop.out.lines());
            pbx.awaitEvent("MixMonitorStop", "Channel", mine);
        }
    }

    @Test
    void recordWithoutAnAnsweredCallOrAnActionIsBadInput() throws Exception {
        CliRun noCall = run("record", "start", "--device", "PJSIP/104"); // 104 never answers
        assertEquals(Exit.BAD_INPUT.code(), noCall.awaitExit(TIMEOUT), noCall.toString());
        assertTrue(noCall.err.text().contains("My phone PJSIP/104 has no answered call"), noCall.toString());

        CliRun badAction = run("record", "pause");
        assertEquals(Exit.BAD_INPUT.code(), badAction.awaitExit(TIMEOUT), badAction.toString());
        assertTrue(badAction.err.text().contains("record ACTION is start, stop, mute or unmute, not \"pause\""),
                badAction.toString());
    }

    private CliRun run(String... words) throws Exception {
        List<String> args = new ArrayList<>(List.of(words));
        if (!args.contains("--device")) {
            args.addAll(List.of("--device", "PJSIP/108"));
        }
        return runAs(TestPbx.recordingDesktop().username(), TestPbx.RECORDING_SECRET, args.toArray(String[]::new));
    }
}

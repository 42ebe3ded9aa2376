package org.amicus.cti.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.amicus.ami.AmiEvent;
import org.amicus.cti.AttendedTransferOutcome;
import org.amicus.cti.AttendedTransferOutcome.Result;
import org.junit.jupiter.api.Test;

/** An attended transfer's course read from bridge events, in the orders Asterisk 22 sends them. */
class ConsultationTrackTest {

    private final ConsultationTrack track = new ConsultationTrack("mine", "PJSIP/trunk-1", "106@amicus");

    @Test
    void theConsultationBeginsAndComesBackWhenTheLeavingIsToldFirst() {
        assertNull(read("BridgeLeave", "call"));
        assertFalse(track.consulting());
        assertNull(read("BridgeEnter", "consultation"));
        assertTrue(track.consulting());
        assertNull(read("BridgeLeave", "consultation"));

        assertEquals(new AttendedTransferOutcome(Result.RETURNED, "PJSIP/trunk-1", "106@amicus",
                "106@amicus did not take the call"), read("BridgeEnter", "call"));
    }

    @Test
    void theConsultationBeginsWhenTheEntryIsToldBeforeTheLeaving() {
        assertNull(read("BridgeEnter", "consultation"));
        assertTrue(track.consulting(), "my channel is in the consultation's bridge");
        assertNull(read("BridgeLeave", "call"));
        track.cancelRequested();

        assertEquals(new AttendedTransferOutcome(Result.RETURNED, "PJSIP/trunk-1", "106@amicus", "cancelled"),
                read("BridgeEnter", "call"));
    }

    private AttendedTransferOutcome read(String event, String bridge) {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        headers.add(new SimpleEntry<>("Event", event));
        headers.add(new SimpleEntry<>("BridgeUniqueid", bridge));
        headers.add(new SimpleEntry<>("Uniqueid", "mine"));
        return track.read(new AmiEvent(headers, null));
    }
}

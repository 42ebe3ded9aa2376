package org.amicus.ami.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.amicus.ami.OriginateRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OriginateRequestTest {

    @Test
    void keepsWhatItWasGiven() {
        OriginateRequest request = OriginateRequest.call("PJSIP/104").toExtension("amicus", "100", 1)
                .timeout(Duration.ofSeconds(20)).callerId("\"Support\" <2000>")
                .variable("PJSIP_HEADER(add,Call-Info)", "<sip:pbx>;answer-after=0").variable("B", "2").build();

        assertEquals("PJSIP/104", request.channel());
        assertEquals("amicus", request.context().orElseThrow());
        assertEquals("100", request.exten().orElseThrow());
        assertEquals(1, request.priority());
        assertTrue(request.application().isEmpty());
        assertEquals(Duration.ofSeconds(20), request.timeout());
        assertEquals(List.of("PJSIP_HEADER(add,Call-Info)", "B"), List.copyOf(request.variables().keySet()));
    }

    @ParameterizedTest
    @ValueSource(strings = { "104\r\nAction: Hangup", "104\n", "10\u00004", "1\t04", "\u007f" })
    void rejectsHeaderBreakingValuesInEveryField(String bad) {
        OriginateRequest.Builder builder = OriginateRequest.call("PJSIP/104");
        assertRejected("channel", () -> OriginateRequest.call("PJSIP/" + bad));
        assertRejected("context", () -> builder.toExtension(bad, "100", 1));
        assertRejected("exten", () -> builder.toExtension("amicus", bad, 1));
        assertRejected("application", () -> builder.toApplication("Wait" + bad, null));
        assertRejected("caller id", () -> builder.callerId(bad));
        assertRejected("variable name", () -> builder.variable("A" + bad, "1"));
        assertRejected("value of variable A", () -> builder.variable("A", bad));
        assertRejected("data", () -> builder.toApplication("Playback", bad));
    }

    @Test
    void rejectsEmptyRequiredFields() {
        OriginateRequest.Builder builder = OriginateRequest.call("PJSIP/104");
        assertRejected("channel", () -> OriginateRequest.call(""));
        assertRejected("context", () -> builder.toExtension(" ", "100", 1));
        assertRejected("exten", () -> builder.toExtension("amicus", "", 1));
        assertRejected("caller id", () -> builder.callerId(""));
        builder.variable("CLEARED", "").toApplication("Wait", ""); // empty values and data are fine
    }

    @Test
    void rejectsWrongShapes() {
        assertRejected("channel", () -> OriginateRequest.call("104"));
        assertRejected("channel", () -> OriginateRequest.call("PJSIP/104&PJSIP/105"));
        assertRejected("context", () -> OriginateRequest.call("PJSIP/104").toExtension("a b", "100", 1));
        assertThrows(IllegalArgumentException.class,
                () -> OriginateRequest.call("PJSIP/104").toExtension("amicus", "100", 0));
        assertThrows(IllegalArgumentException.class,
                () -> OriginateRequest.call("PJSIP/104").timeout(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> OriginateRequest.call("PJSIP/104").build(),
                "a destination is required");
    }

    @ParameterizedTest
    @ValueSource(strings = { "a,B=2", "1,", "\"quoted\"", "back\\slash" })
    void rejectsVariableValuesThatAsteriskWouldSplitOrChange(String value) {
        OriginateRequest.Builder builder = OriginateRequest.call("PJSIP/104");
        assertRejected("value of variable CALLERID(name)", () -> builder.variable("CALLERID(name)", value));
        assertTrue(builder.toApplication("Wait", "1").build().variables().isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = { "System", "TrySystem", "Exec", "AGI", "Set", "MixMonitor", "Dial", "Originate",
        "Goto", "NoOp" })
    void runsOnlyTheApplicationsAmicusNeeds(String application) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> OriginateRequest.call("PJSIP/104").toApplication(application, "x"));
        assertEquals("application \"" + application + "\" is not one Amicus runs: use one of ChanSpy, ConfBridge, "
                + "Echo, Hangup, Milliwatt, ParkedCall, PickupChan, Playback, VoiceMailMain, Wait", error.getMessage());
    }

    @Test
    void namesAnApplicationAsAsteriskDoesWhateverItsCase() {
        assertEquals("PickupChan", OriginateRequest.call("PJSIP/104").toApplication("pickupchan", "PJSIP/105")
                .build().application().orElseThrow());
    }

    private static void assertRejected(String field, Executable setting) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, setting);
        assertTrue(error.getMessage().startsWith(field + " "), "message names the field: " + error.getMessage());
    }
}

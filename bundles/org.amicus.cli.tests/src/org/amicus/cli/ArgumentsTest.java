package org.amicus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Options come in either form and anywhere; after "--" everything is the argument. */
class ArgumentsTest {

    @Test
    void optionsInEitherFormAnywhere() {
        Arguments parsed = Arguments.parse(List.of("--json", "call", "--device=PJSIP/104", "100", "--context",
                "amicus"));

        assertEquals(new Arguments(Command.CALL, "100", Map.of(Option.JSON, "", Option.DEVICE, "PJSIP/104",
                Option.CONTEXT, "amicus")), parsed);
    }

    @Test
    void afterTwoDashesAWordIsTheArgumentEvenIfItLooksLikeAnOption() {
        assertEquals("-42", Arguments.parse(List.of("call", "--", "-42")).parameter());
    }

    @Test
    void helpWinsOverEverythingElse() {
        assertEquals(Command.SPY, Arguments.parse(List.of("spy", "-h", "--watch")).command());
    }
}

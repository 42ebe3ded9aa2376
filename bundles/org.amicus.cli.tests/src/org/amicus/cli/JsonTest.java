package org.amicus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The JSON lines are valid JSON, pure ASCII, whatever the strings hold. */
class JsonTest {

    @Test
    void escapesWhatJsonRequiresAndEverythingBeyondAscii() {
        String awkward = "q\"b\\s/\n\r\t\u0001\u001f\u007f é\u2028😀";

        String json = new Json().put("text", awkward).put("number", 5).put("yes", true).put("nothing", null)
                .put("object", new Json().put("empty", "")).toString();

        assertEquals("{\"text\":\"q\\\"b\\\\s/\\n\\r\\t\\u0001\\u001f\\u007f \\u00e9\\u2028\\ud83d\\ude00\","
                + "\"number\":5,\"yes\":true,\"nothing\":null,\"object\":{\"empty\":\"\"}}", json);
    }

    @Test
    void anEmptyObjectIsBraces() {
        assertEquals("{}", new Json().toString());
    }
}

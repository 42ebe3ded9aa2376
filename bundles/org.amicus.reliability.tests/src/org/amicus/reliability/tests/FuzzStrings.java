package org.amicus.reliability.tests;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Strings to try on every input a person (or a PBX) can put into an AMI action: line breaks, NUL and every other
 * control character, whole injected headers and actions, header-shaped text, separators, characters beyond ASCII and
 * broken surrogates, mixed into values that are otherwise valid, so that some pass the checks and are sent. The same
 * seed gives the same strings.
 */
final class FuzzStrings {

    private static final List<String> PIECES = pieces();

    private FuzzStrings() {
    }

    /**
     * @param count how many strings
     * @param valid values of the field that pass its checks, e.g. "PJSIP/104"; pieces are put around and into them
     */
    static List<String> generate(long seed, int count, List<String> valid) {
        Random random = new Random(seed);
        List<String> strings = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            StringBuilder text = new StringBuilder(valid.get(random.nextInt(valid.size())));
            int pieces = random.nextInt(4);
            for (int p = 0; p < pieces; p++) {
                text.insert(random.nextInt(text.length() + 1), PIECES.get(random.nextInt(PIECES.size())));
            }
            strings.add(text.toString());
        }
        return strings;
    }

    /** Whether the text holds a character that could end or corrupt an AMI header. */
    static boolean hasControlCharacter(String text) {
        return text.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
    }

    private static List<String> pieces() {
        List<String> pieces = new ArrayList<>(List.of("\r", "\n", "\r\n", "\r\n\r\n", "\0",
                "\r\nAction: Hangup\r\nChannel: PJSIP/104\r\n\r\n", "\nAction: Originate\nChannel: Local/1@x\n\n",
                "\r\nVariable: SHELL=rm", "\rActionID: stolen", "Action: Command", "Command: core stop now",
                "Event: Hangup", ": ", ":", "ActionID: x", "Secret: x", "=", ",", "|", "&", ";", "(", ")", "/", "@",
                "-", "_", ".", "#", "*", "+", " ", "  ", "\"", "'", "<", ">", "\\", "${SHELL}", "%s", "é", "€",
                "😀", "\u2028", "\u0085", "\ud800", "\udfff", "\ufeff", "0", "104", "x"));
        for (char c = 1; c < 0x20; c++) {
            pieces.add(String.valueOf(c));
        }
        pieces.add("\u007f");
        return pieces;
    }
}

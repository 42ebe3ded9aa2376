package org.amicus.ami.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The header values one connection's listeners read, short ones kept to be handed out again: a channel's name,
 * unique id, state and caller repeat in every event about it, and a string found again by its bytes costs no
 * allocation. A value whose slot another took is simply made anew. Safe for any thread: a slot holds an immutable
 * pair, and a race only makes a string twice.
 */
final class ValueStrings {

    static final int LONGEST = 48;
    private static final int SLOTS = 4096;

    private record Made(byte[] bytes, String text) {
    }

    private final Made[] made = new Made[SLOTS];

    /** The string of {@code length} bytes of UTF-8 in {@code bytes} from {@code start}. */
    String of(byte[] bytes, int start, int length) {
        if (length > LONGEST) {
            return new String(bytes, start, length, StandardCharsets.UTF_8);
        }
        int hash = 0;
        for (int i = start; i < start + length; i++) {
            hash = 31 * hash + bytes[i];
        }
        int slot = (hash ^ hash >>> 16) & (SLOTS - 1);
        Made known = made[slot];
        if (known != null && Arrays.equals(known.bytes, 0, known.bytes.length, bytes, start, start + length)) {
            return known.text;
        }
        String text = new String(bytes, start, length, StandardCharsets.UTF_8);
        made[slot] = new Made(Arrays.copyOfRange(bytes, start, start + length), text);
        return text;
    }
}

package org.amicus.ami.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The header names one connection has read, each kept as one string made once: a PBX repeats a few hundred names
 * millions of times, and a name found again by its bytes costs no string and hashes no more in a map (a string
 * keeps its hash). Names longer than {@link #LONGEST} or past {@link #LIMIT} distinct ones (a PBX that makes names
 * up, say) are made anew each time. Used by the connection's reader thread only.
 */
final class HeaderNames {

    static final int LIMIT = 1024;
    static final int LONGEST = 64;

    /** Open addressing, at most half full: an empty slot ends every search. */
    private final byte[][] bytes = new byte[2 * LIMIT][];
    private final String[] names = new String[2 * LIMIT];
    private int size;

    /** The name in {@code buffer} from {@code offset}, {@code length} bytes of UTF-8. */
    String of(byte[] buffer, int offset, int length) {
        if (length > LONGEST) {
            return new String(buffer, offset, length, StandardCharsets.UTF_8);
        }
        int hash = 0;
        for (int i = offset; i < offset + length; i++) {
            hash = 31 * hash + buffer[i];
        }
        int mask = names.length - 1;
        for (int slot = (hash ^ hash >>> 16) & mask;; slot = (slot + 1) & mask) {
            byte[] known = bytes[slot];
            if (known == null) {
                String name = new String(buffer, offset, length, StandardCharsets.UTF_8);
                if (size < LIMIT) {
                    bytes[slot] = Arrays.copyOfRange(buffer, offset, offset + length);
                    names[slot] = name;
                    size++;
                }
                return name;
            }
            if (Arrays.equals(known, 0, known.length, buffer, offset, offset + length)) {
                return names[slot];
            }
        }
    }
}

package org.amicus.ami.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The header names one connection has read, each kept as one {@link HeaderName} made once: a PBX repeats a few
 * hundred names millions of times, and a name found again by its bytes costs no string and no key lookup. Names
 * longer than {@link #LONGEST} or past {@link #LIMIT} distinct ones (a PBX that makes names up, say) are made anew
 * each time. Used by the connection's reader thread only.
 */
final class HeaderNames {

    static final int LIMIT = 1024;
    static final int LONGEST = 64;

    /** Open addressing, at most half full: an empty slot ends every search. */
    private final byte[][] bytes = new byte[2 * LIMIT][];
    private final HeaderName[] names = new HeaderName[2 * LIMIT];
    private int size;
    private int readOftenMarks;

    /** The hash {@link #of} expects, built up byte by byte while the caller looks for the name's end. */
    static int hash(int hash, byte next) {
        return 31 * hash + next;
    }

    /** The name in {@code buffer} from {@code offset}, {@code length} bytes of UTF-8 whose {@link #hash} is given. */
    HeaderName of(byte[] buffer, int offset, int length, int hash) {
        if (readOftenMarks != HeaderKeys.readOftenMarks()) { // a listener came that reads other headers often
            readOftenMarks = HeaderKeys.readOftenMarks();
            Arrays.fill(bytes, null);
            Arrays.fill(names, null);
            size = 0;
        }
        if (length > LONGEST) {
            return HeaderName.of(new String(buffer, offset, length, StandardCharsets.UTF_8));
        }
        int mask = names.length - 1;
        for (int slot = (hash ^ hash >>> 16) & mask;; slot = (slot + 1) & mask) {
            byte[] known = bytes[slot];
            if (known == null) {
                HeaderName name = HeaderName.of(new String(buffer, offset, length, StandardCharsets.UTF_8));
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

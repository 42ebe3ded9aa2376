package org.amicus.ami.internal;

import java.util.AbstractList;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;

/**
 * One frame's headers in order, immutable: each name with its key, each value kept as the bytes the PBX sent until
 * it is first read. A listener reads a few headers of an event of twenty; making a string of every value was the
 * reader's largest cost.
 */
public final class FrameHeaders extends AbstractList<Map.Entry<String, String>> implements RandomAccess {

    private static final FrameHeaders NONE = new FrameHeaders(new HeaderName[0], new byte[0], new int[0],
            new String[0], null);

    private final HeaderName[] names;
    private final byte[] bytes;
    /** Where each value lies in {@link #bytes}: its start at {@code 2 * i}, its end at {@code 2 * i + 1}. */
    private final int[] bounds;
    /** Each value once made; a race makes the same string twice at worst, and strings are safe to share. */
    private final String[] values;
    /** Makes the values not yet made; {@code null} when all are given. */
    private final ValueStrings strings;

    private FrameHeaders(HeaderName[] names, byte[] bytes, int[] bounds, String[] values, ValueStrings strings) {
        this.names = names;
        this.bytes = bytes;
        this.bounds = bounds;
        this.values = values;
        this.strings = strings;
    }

    /** These headers, as one frame would hold them. */
    public static FrameHeaders copyOf(List<Map.Entry<String, String>> headers) {
        if (headers instanceof FrameHeaders read) {
            return read;
        }
        if (headers.isEmpty()) {
            return NONE;
        }
        HeaderName[] names = new HeaderName[headers.size()];
        String[] values = new String[names.length];
        for (int i = 0; i < names.length; i++) {
            Map.Entry<String, String> header = headers.get(i);
            names[i] = HeaderName.of(header.getKey());
            values[i] = header.getValue();
        }
        return new FrameHeaders(names, new byte[0], new int[2 * names.length], values, null);
    }

    @Override
    public int size() {
        return names.length;
    }

    @Override
    public Map.Entry<String, String> get(int index) {
        return new SimpleImmutableEntry<>(names[index].text(), value(index));
    }

    /** The {@link HeaderKeys key} of the header's name. */
    public String key(int index) {
        return names[index].key();
    }

    /** The header's name as the PBX spelled it. */
    public String name(int index) {
        return names[index].text();
    }

    /** The header's value; {@code null} only where a list given to {@link #copyOf} held one. */
    public String value(int index) {
        String value = values[index];
        if (value == null && strings != null) {
            int start = bounds[2 * index];
            value = strings.of(bytes, start, bounds[2 * index + 1] - start);
            values[index] = value;
        }
        return value;
    }

    /** Gathers one frame's headers at a time; reused from frame to frame by one reader thread. */
    static final class Builder {

        private static final int KEPT = 1 << 16;

        private final ValueStrings strings = new ValueStrings();

        private HeaderName[] names = new HeaderName[32];
        private byte[] bytes = new byte[2048];
        private int[] bounds = new int[64];
        private String[] made = new String[32];
        private boolean anyMade;
        private int count;
        private int used;

        /**
         * Adds a header whose value lies in {@code buffer} from {@code start} to {@code end}: as bytes, or as a string
         * made now if listeners read that header often, so that the dispatch thread finds it made.
         */
        void add(HeaderName name, byte[] buffer, int start, int end) {
            if (name.readOften() && end - start <= ValueStrings.LONGEST) {
                add(name, strings.of(buffer, start, end - start));
                return;
            }
            grow(end - start);
            System.arraycopy(buffer, start, bytes, used, end - start);
            bounds[2 * count] = used;
            bounds[2 * count + 1] = used + end - start;
            used += end - start;
            names[count++] = name;
        }

        /** Adds a header whose value is already a string. */
        void add(HeaderName name, String value) {
            grow(0);
            made[count] = value;
            anyMade = true;
            names[count++] = name;
        }

        boolean isEmpty() {
            return count == 0;
        }

        /** The headers added since the last build, which starts the next frame. */
        FrameHeaders build() {
            FrameHeaders headers = new FrameHeaders(Arrays.copyOf(names, count), Arrays.copyOf(bytes, used),
                    Arrays.copyOf(bounds, 2 * count), anyMade ? Arrays.copyOf(made, count) : new String[count],
                    strings);
            if (anyMade) {
                Arrays.fill(made, 0, count, null);
                anyMade = false;
            }
            count = 0;
            used = 0;
            if (bytes.length > KEPT) { // a frame of megabytes, once, does not hold them for the connection's life
                bytes = new byte[KEPT];
            }
            return headers;
        }

        private void grow(int valueLength) {
            if (count == names.length) {
                names = Arrays.copyOf(names, 2 * count);
                made = Arrays.copyOf(made, 2 * count);
                bounds = Arrays.copyOf(bounds, 4 * count);
            }
            if (used + valueLength > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(2 * bytes.length, used + valueLength));
            }
        }
    }
}

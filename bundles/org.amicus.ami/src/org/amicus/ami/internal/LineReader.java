package org.amicus.ami.internal;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads CRLF- (or bare LF-) terminated lines from a stream, in place: {@link #advance()} finds the next line in its
 * buffer without making a string of it, so that a reader builds only the strings it keeps. A line longer than
 * {@link #MAX_LINE} is skipped to its end and reported as too long, so that one absurd line costs neither the memory
 * nor the connection.
 */
final class LineReader {

    /** Longer lines are no AMI a PBX sends. */
    static final int MAX_LINE = 1 << 20;
    /** Stands for a line that was too long and skipped; compare by identity. */
    @SuppressWarnings("StringOperationCanBeSimplified")
    static final String TOO_LONG = new String("<line too long>");

    /** What {@link #advance()} found. */
    enum Found {
        /** A line, at {@link #lineStart()} in {@link #buffer()}, {@link #lineLength()} bytes without its end. */
        LINE,
        /** A line too long, skipped. */
        TOO_LONG,
        /** The end of the stream. */
        END
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final long LINE_FEEDS = 0x0A0A0A0A0A0A0A0AL;

    private final InputStream in;
    private byte[] buffer = new byte[1 << 16];
    private int start;
    private int end;
    private int lineStart;
    private int lineLength;
    private boolean skipping;

    LineReader(InputStream in) {
        this.in = in;
    }

    /** The next line as a UTF-8 string without its terminator, {@link #TOO_LONG}, or {@code null} at the end. */
    String next() throws IOException {
        return switch (advance()) {
            case LINE -> new String(buffer, lineStart, lineLength, StandardCharsets.UTF_8);
            case TOO_LONG -> TOO_LONG;
            case END -> null;
        };
    }

    /**
     * Moves to the next line. Its bytes stay in {@link #buffer()} until the next call; the buffer may be another
     * array after it.
     */
    Found advance() throws IOException {
        int checked = 0; // bytes after start already known to hold no line feed
        while (true) {
            int lineFeed = lineFeed(start + checked, end);
            if (lineFeed >= 0) {
                boolean skipped = skipping;
                skipping = false;
                lineStart = start;
                lineLength = (lineFeed > start && buffer[lineFeed - 1] == '\r' ? lineFeed - 1 : lineFeed) - start;
                start = lineFeed + 1;
                return skipped ? Found.TOO_LONG : Found.LINE;
            }
            checked = end - start;
            if (end - start >= MAX_LINE) {
                skipping = true; // forget what was read of this line, and look on for its end
                start = end;
                checked = 0;
            }
            if (!fill()) {
                if (start < end || skipping) {
                    throw new IOException("the PBX closed the connection in the middle of a line");
                }
                return Found.END;
            }
        }
    }

    /**
     * Where the first line feed in the buffer from {@code from} to {@code to} is, or -1: eight bytes at a time, as a
     * long whose bytes are zero where a line feed was (the lowest such byte is found exactly).
     */
    private int lineFeed(int from, int to) {
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            long word = (long) LONGS.get(buffer, i) ^ LINE_FEEDS;
            long zeros = (word - 0x0101010101010101L) & ~word & 0x8080808080808080L;
            if (zeros != 0) {
                return i + (Long.numberOfTrailingZeros(zeros) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (buffer[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    byte[] buffer() {
        return buffer;
    }

    int lineStart() {
        return lineStart;
    }

    int lineLength() {
        return lineLength;
    }

    /** Reads more bytes, making room first; false at the end of the stream. */
    private boolean fill() throws IOException {
        if (start > 0) {
            System.arraycopy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
        }
        if (end == buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.min(buffer.length * 2, MAX_LINE));
        }
        int read = in.read(buffer, end, buffer.length - end);
        if (read < 0) {
            return false;
        }
        end += read;
        return true;
    }
}

package org.amicus.ami.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads CRLF- (or bare LF-) terminated UTF-8 lines from a stream. A line longer than {@link #MAX_LINE} is skipped to
 * its end and reported as {@link #TOO_LONG}, so that one absurd line costs neither the memory nor the connection.
 */
final class LineReader {

    /** Longer lines are no AMI a PBX sends. */
    static final int MAX_LINE = 1 << 20;
    /** Stands for a line that was too long and skipped; compare by identity. */
    @SuppressWarnings("StringOperationCanBeSimplified")
    static final String TOO_LONG = new String("<line too long>");

    private final InputStream in;
    private byte[] buffer = new byte[1 << 16];
    private int start;
    private int end;
    private boolean skipping;

    LineReader(InputStream in) {
        this.in = in;
    }

    /** The next line without its terminator, {@link #TOO_LONG}, or {@code null} at the end of the stream. */
    String next() throws IOException {
        int checked = 0; // bytes after start already known to hold no line feed
        while (true) {
            for (int i = start + checked; i < end; i++) {
                if (buffer[i] == '\n') {
                    int lineEnd = i > start && buffer[i - 1] == '\r' ? i - 1 : i;
                    String line = skipping ? TOO_LONG
                            : new String(buffer, start, lineEnd - start, StandardCharsets.UTF_8);
                    skipping = false;
                    start = i + 1;
                    return line;
                }
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
                return null;
            }
        }
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

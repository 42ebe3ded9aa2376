package org.amicus.ami.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Reads CRLF- (or bare LF-) terminated UTF-8 lines from a stream, refusing absurdly long ones. */
final class LineReader {

    /** Longer lines are no AMI a PBX sends: the connection is reset rather than the memory exhausted. */
    static final int MAX_LINE = 1 << 20;

    private final InputStream in;
    private byte[] buffer = new byte[1 << 16];
    private int start;
    private int end;

    LineReader(InputStream in) {
        this.in = in;
    }

    /** The next line without its terminator, or {@code null} at the end of the stream. */
    String next() throws IOException {
        int checked = 0; // bytes after start already known to hold no line feed
        while (true) {
            for (int i = start + checked; i < end; i++) {
                if (buffer[i] == '\n') {
                    int lineEnd = i > start && buffer[i - 1] == '\r' ? i - 1 : i;
                    String line = new String(buffer, start, lineEnd - start, StandardCharsets.UTF_8);
                    start = i + 1;
                    return line;
                }
            }
            checked = end - start;
            if (!fill()) {
                if (start < end) {
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
            if (buffer.length >= MAX_LINE) {
                throw new IOException("a line from the PBX is longer than " + MAX_LINE + " bytes");
            }
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

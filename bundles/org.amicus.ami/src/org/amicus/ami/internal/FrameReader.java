package org.amicus.ami.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Reads AMI from a stream: the greeting line, then frames of "Name: value" headers ended by a blank line, parsed
 * from the bytes without a string per line: names are found again by their bytes ({@link HeaderNames}), values are
 * made into strings when read ({@link FrameHeaders}). Used by one thread.
 */
final class FrameReader {

    /** The greeting of an AMI server, e.g. "Asterisk Call Manager/9.0.0" or "Asterisk Manager Proxy/1.0". */
    private static final Pattern BANNER = Pattern.compile("[A-Za-z ]+ (Call Manager|Manager Proxy)/.*");
    /** A frame's most bytes, line ends not counted; a longer one ends the connection. */
    static final int MAX_FRAME = 16 << 20;

    /** One frame's headers in order; {@code tooLong} if a line of it was too long, so that it lacks that line. */
    record Frame(FrameHeaders headers, boolean tooLong) {

        boolean isEvent() {
            return !headers.isEmpty() && headers.name(0).equalsIgnoreCase("Event");
        }

        boolean isResponse() {
            return !headers.isEmpty() && headers.name(0).equalsIgnoreCase("Response");
        }

        String first() {
            return headers.isEmpty() ? "(nothing)" : headers.name(0) + ": " + headers.value(0);
        }
    }

    private final LineReader lines;
    private final HeaderNames names = new HeaderNames();
    private final FrameHeaders.Builder headers = new FrameHeaders.Builder();

    FrameReader(InputStream in) {
        this.lines = new LineReader(in);
    }

    /** Reads the greeting, the first line; fails if it is no AMI server's or if there is none. */
    String banner() throws IOException {
        String line = lines.next();
        if (line == null) {
            throw new IOException("the server closed the connection without a greeting");
        }
        if (line == LineReader.TOO_LONG || !BANNER.matcher(line).matches()) {
            String shown = line.length() > 80 ? line.substring(0, 80) + "…" : line;
            throw new NotAmiException("the server does not speak AMI: it greeted with \""
                    + shown.replaceAll("\\p{Cntrl}", "?") + "\"");
        }
        return line;
    }

    /**
     * The next frame, or {@code null} at the end of the stream. A line too long to be AMI is skipped, and its frame
     * reported {@link Frame#tooLong() too long}; a frame longer than {@link #MAX_FRAME} in all ends the connection, as
     * no PBX sends one and its end may never come.
     */
    Frame readFrame() throws IOException {
        long size = 0;
        boolean tooLong = false;
        LineReader.Found found;
        while ((found = lines.advance()) != LineReader.Found.END) {
            int length = lines.lineLength();
            if (found == LineReader.Found.TOO_LONG) {
                tooLong = true;
            } else if (length == 0) {
                if (!headers.isEmpty() || tooLong) {
                    return new Frame(headers.build(), tooLong);
                }
            } else {
                size += length;
                if (size > MAX_FRAME) {
                    throw new IOException("a message from the PBX is longer than " + MAX_FRAME + " bytes");
                }
                header(lines.buffer(), lines.lineStart(), length);
            }
        }
        if (!headers.isEmpty() || tooLong) {
            throw new IOException("the PBX closed the connection in the middle of a message");
        }
        return null;
    }

    /** Adds a "Name: value" line's header; blanks after the colon are not part of the value. */
    private void header(byte[] buffer, int start, int length) {
        int end = start + length;
        int colon = start;
        int hash = 0;
        while (colon < end && buffer[colon] != ':') {
            hash = HeaderNames.hash(hash, buffer[colon]);
            colon++;
        }
        HeaderName name = names.of(buffer, start, colon - start, hash);
        int value = Math.min(colon + 1, end);
        while (value < end && buffer[value] >= 0 && Character.isWhitespace(buffer[value])) {
            value++;
        }
        if (value < end && buffer[value] < 0) { // a blank beyond ASCII, such as U+2003, is a blank too
            String text = new String(buffer, value, end - value, StandardCharsets.UTF_8);
            headers.add(name, text.substring(leadingBlanks(text)));
        } else {
            headers.add(name, buffer, value, end);
        }
    }

    private static int leadingBlanks(String text) {
        int blanks = 0;
        while (blanks < text.length() && Character.isWhitespace(text.charAt(blanks))) {
            blanks++;
        }
        return blanks;
    }

    /** The server at the other end is no AMI server. */
    static final class NotAmiException extends IOException {

        private static final long serialVersionUID = 1L;

        NotAmiException(String message) {
            super(message);
        }
    }
}

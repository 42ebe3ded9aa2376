package org.amicus.ami.internal;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The socket to the PBX as AMI frames: the greeting line, then frames of "Name: value" headers ended by a blank line.
 * One thread reads, one writes.
 */
final class AmiSocket implements AutoCloseable {

    /** The greeting of an AMI server, e.g. "Asterisk Call Manager/9.0.0" or "Asterisk Manager Proxy/1.0". */
    private static final Pattern BANNER = Pattern.compile("[A-Za-z ]+ (Call Manager|Manager Proxy)/.*");
    /** A frame's most bytes, line ends not counted; a longer one ends the connection. */
    static final int MAX_FRAME = 16 << 20;

    /** One frame's headers in order; {@code tooLong} if a line of it was too long, so that it lacks that line. */
    record Frame(List<Map.Entry<String, String>> headers, boolean tooLong) {

        boolean isEvent() {
            return !headers.isEmpty() && headers.get(0).getKey().equalsIgnoreCase("Event");
        }

        boolean isResponse() {
            return !headers.isEmpty() && headers.get(0).getKey().equalsIgnoreCase("Response");
        }

        String first() {
            return headers.isEmpty() ? "(nothing)" : headers.get(0).getKey() + ": " + headers.get(0).getValue();
        }
    }

    private final Socket socket;
    private final LineReader lines;
    private final HeaderNames names = new HeaderNames();
    private final OutputStream out;

    AmiSocket(Socket socket) throws IOException {
        this.socket = socket;
        this.lines = new LineReader(socket.getInputStream());
        this.out = new BufferedOutputStream(socket.getOutputStream());
    }

    /** Reads must end within this time ({@link java.net.SocketTimeoutException}); zero for no limit. */
    void readTimeout(Duration timeout) throws SocketException {
        socket.setSoTimeout((int) timeout.toMillis());
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
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        long size = 0;
        boolean tooLong = false;
        LineReader.Found found;
        while ((found = lines.advance()) != LineReader.Found.END) {
            int length = lines.lineLength();
            if (found == LineReader.Found.TOO_LONG) {
                tooLong = true;
            } else if (length == 0) {
                if (!headers.isEmpty() || tooLong) {
                    return new Frame(List.copyOf(headers), tooLong);
                }
            } else {
                size += length;
                if (size > MAX_FRAME) {
                    throw new IOException("a message from the PBX is longer than " + MAX_FRAME + " bytes");
                }
                headers.add(header(lines.buffer(), lines.lineStart(), length));
            }
        }
        if (!headers.isEmpty() || tooLong) {
            throw new IOException("the PBX closed the connection in the middle of a message");
        }
        return null;
    }

    /** A "Name: value" line's header straight from its bytes; blanks after the colon are not part of the value. */
    private Map.Entry<String, String> header(byte[] buffer, int start, int length) {
        int end = start + length;
        int colon = start;
        while (colon < end && buffer[colon] != ':') {
            colon++;
        }
        if (colon == end) {
            return new SimpleImmutableEntry<>(names.of(buffer, start, length), "");
        }
        int value = colon + 1;
        while (value < end && buffer[value] >= 0 && Character.isWhitespace(buffer[value])) {
            value++;
        }
        String text = new String(buffer, value, end - value, StandardCharsets.UTF_8);
        if (value < end && buffer[value] < 0) { // a blank beyond ASCII, such as U+2003, is a blank too
            text = text.substring(leadingBlanks(text));
        }
        return new SimpleImmutableEntry<>(names.of(buffer, start, colon - start), text);
    }

    private static int leadingBlanks(String text) {
        int blanks = 0;
        while (blanks < text.length() && Character.isWhitespace(text.charAt(blanks))) {
            blanks++;
        }
        return blanks;
    }

    /** Writes a whole frame and sends it at once. */
    synchronized void write(String frame) throws IOException {
        out.write(frame.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closed either way
        }
    }

    /** The server at the other end is no AMI server. */
    static final class NotAmiException extends IOException {

        private static final long serialVersionUID = 1L;

        NotAmiException(String message) {
            super(message);
        }
    }
}

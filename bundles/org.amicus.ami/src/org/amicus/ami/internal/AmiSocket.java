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
    /** A frame's longest text; the rest of a longer one is skipped. */
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
        String line;
        while ((line = lines.next()) != null) {
            if (line.isEmpty()) {
                if (!headers.isEmpty() || tooLong) {
                    return new Frame(List.copyOf(headers), tooLong);
                }
            } else if (line == LineReader.TOO_LONG) {
                tooLong = true;
            } else {
                size += line.length();
                if (size > MAX_FRAME) {
                    throw new IOException("a message from the PBX is longer than " + MAX_FRAME + " characters");
                }
                headers.add(header(line));
            }
        }
        if (!headers.isEmpty() || tooLong) {
            throw new IOException("the PBX closed the connection in the middle of a message");
        }
        return null;
    }

    private static Map.Entry<String, String> header(String line) {
        int colon = line.indexOf(':');
        if (colon < 0) {
            return new SimpleImmutableEntry<>(line, "");
        }
        int start = colon + 1;
        while (start < line.length() && Character.isWhitespace(line.charAt(start))) {
            start++;
        }
        return new SimpleImmutableEntry<>(line.substring(0, colon), line.substring(start));
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

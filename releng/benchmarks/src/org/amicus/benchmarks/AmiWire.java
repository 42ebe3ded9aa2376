package org.amicus.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/** The few AMI wire operations the harness's own clients and servers need: frames in, actions and frames out. */
final class AmiWire {

    private AmiWire() {
    }

    /** The next frame's bytes up to and including its blank line, or {@code null} at the end of the stream. */
    static byte[] readFrame(InputStream in) throws IOException {
        ByteArrayOutputStream frame = new ByteArrayOutputStream(512);
        int lineLength = 0;
        int b;
        while ((b = in.read()) >= 0) {
            frame.write(b);
            if (b == '\n') {
                if (lineLength == 0) {
                    if (frame.size() > 2) {
                        return frame.toByteArray();
                    }
                    frame.reset(); // stray blank line between frames
                }
                lineLength = 0;
            } else if (b != '\r') {
                lineLength++;
            }
        }
        return null;
    }

    /** The line the stream starts with (the banner). */
    static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    /** A frame's headers, names in any case, the first value of each name kept. */
    static Map<String, String> headers(byte[] frame) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String line : new String(frame, StandardCharsets.UTF_8).split("\r?\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.putIfAbsent(line.substring(0, colon), line.substring(colon + 1).trim());
            }
        }
        return headers;
    }

    /** Writes an action given as header name and value pairs, and flushes. */
    static void send(OutputStream out, String action, String... headers) throws IOException {
        out.write(frame("Action", action, headers));
        out.flush();
    }

    /** A frame with a first header and then name and value pairs. */
    static byte[] frame(String firstName, String firstValue, String... headers) {
        StringBuilder frame = new StringBuilder(firstName).append(": ").append(firstValue).append("\r\n");
        for (int i = 0; i < headers.length; i += 2) {
            frame.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
        }
        return frame.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
    }
}

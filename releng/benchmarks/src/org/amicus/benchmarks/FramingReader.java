package org.amicus.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The raw limit: the least any AMI client must do with the stream, and no more. It logs in, then splits the bytes
 * into lines (a string each) and the lines into events, and hands each event to nobody.
 */
final class FramingReader {

    private final byte[] buffer = new byte[1 << 16];
    private int start;
    private int end;
    private final InputStream in;

    private FramingReader(InputStream in) {
        this.in = in;
    }

    static void run(int port, Tally tally) throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        socket.getOutputStream().write(AmiWire.frame("Action", "Login", "Username", "amicus", "Secret", "secret"));
        FramingReader reader = new FramingReader(socket.getInputStream());
        reader.line(); // banner
        List<String> frame = new ArrayList<>();
        String line;
        while ((line = reader.line()) != null) {
            if (!line.isEmpty()) {
                frame.add(line);
                continue;
            }
            if (frame.isEmpty()) {
                continue;
            }
            if (frame.get(0).equals("Event: " + ReplayServer.END_EVENT)) {
                tally.end();
                break;
            }
            if (frame.get(0).equals("Event: " + ReplayServer.WARMED_EVENT)) {
                tally.warmedUp();
            } else if (frame.get(0).startsWith("Event:")) {
                tally.event();
            }
            frame = new ArrayList<>();
        }
        socket.close();
    }

    private String line() throws IOException {
        while (true) {
            for (int i = start; i < end; i++) {
                if (buffer[i] == '\n') {
                    int length = (i > start && buffer[i - 1] == '\r' ? i - 1 : i) - start;
                    String line = new String(buffer, start, length, StandardCharsets.UTF_8);
                    start = i + 1;
                    return line;
                }
            }
            System.arraycopy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
            int read = in.read(buffer, end, buffer.length - end);
            if (read < 0) {
                return null;
            }
            end += read;
        }
    }
}

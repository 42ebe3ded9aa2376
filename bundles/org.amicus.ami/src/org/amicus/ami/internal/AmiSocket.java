package org.amicus.ami.internal;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** The socket to the PBX as AMI frames ({@link FrameReader}). One thread reads, one writes. */
final class AmiSocket implements AutoCloseable {

    private final Socket socket;
    private final FrameReader reader;
    private final OutputStream out;

    AmiSocket(Socket socket) throws IOException {
        this.socket = socket;
        this.reader = new FrameReader(socket.getInputStream());
        this.out = new BufferedOutputStream(socket.getOutputStream());
    }

    /** Reads must end within this time ({@link java.net.SocketTimeoutException}); zero for no limit. */
    void readTimeout(Duration timeout) throws SocketException {
        socket.setSoTimeout((int) timeout.toMillis());
    }

    /** {@link FrameReader#banner()} */
    String banner() throws IOException {
        return reader.banner();
    }

    /** {@link FrameReader#readFrame()} */
    FrameReader.Frame readFrame() throws IOException {
        return reader.readFrame();
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
}

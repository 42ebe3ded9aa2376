package org.amicus.ami.internal;

import java.io.BufferedOutputStream;
import java.io.FilterInputStream;
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

    /** Runs on the reading thread before each read from the socket. */
    private volatile Runnable beforeRead = () -> { };

    AmiSocket(Socket socket) throws IOException {
        this.socket = socket;
        this.reader = new FrameReader(new FilterInputStream(socket.getInputStream()) {
            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                beforeRead.run();
                return super.read(buffer, offset, length);
            }
        });
        this.out = new BufferedOutputStream(socket.getOutputStream());
    }

    /** Has this run before each read from the socket, e.g. to hand over the events read so far. */
    void beforeRead(Runnable step) {
        beforeRead = step;
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

package org.amicus.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback TCP relay between the client and the real PBX, to break the connection on demand: {@link #cut()} closes
 * it, {@link #freeze()} stops forwarding without closing (a half-open connection). Connections made afterwards are
 * relayed normally. Not a fake server: every byte comes from the real PBX.
 */
public final class TcpProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final String targetHost;
    private final int targetPort;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    /** Relays of this generation and older hold their bytes. */
    private volatile int frozenGeneration = -1;
    private volatile int generation;
    /** Text that, once a client sends it, closes the proxy before it is relayed; {@code null} for none. */
    private volatile String closingMarker;
    private int accepted; // guarded by this

    public TcpProxy(String targetHost, int targetPort) throws IOException {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        daemon("tcp-proxy-accept", this::acceptLoop);
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** How many connections clients have opened through it so far. */
    public synchronized int connections() {
        return accepted;
    }

    /** Waits until clients have opened this many connections through it in all; false if not within the timeout. */
    public boolean awaitConnections(int count, Duration timeout) throws InterruptedException {
        return Monitors.await(this, () -> accepted >= count, timeout);
    }

    /** Closes every relayed connection; new ones are still accepted. */
    public void cut() {
        sockets.forEach(TcpProxy::closeQuietly);
        sockets.clear();
    }

    /** Holds every byte of the current connections from now on, in both directions, while they stay open. */
    public void freeze() {
        frozenGeneration = generation++;
    }

    /**
     * Closes the proxy (every connection, and the port for new ones) as soon as a client sends this text, before
     * relaying it: the PBX never sees it, and the client cannot connect again.
     */
    public void closeWhenClientSends(String marker) {
        closingMarker = marker;
    }

    @Override
    public void close() {
        closeQuietly(listener);
        cut();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                synchronized (this) {
                    accepted++;
                    notifyAll();
                }
                Socket server = new Socket(targetHost, targetPort);
                sockets.add(client);
                sockets.add(server);
                int relayGeneration = generation;
                daemon("tcp-proxy-up", () -> pump(client, server, relayGeneration, true));
                daemon("tcp-proxy-down", () -> pump(server, client, relayGeneration, false));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void pump(Socket from, Socket to, int relayGeneration, boolean fromClient) {
        byte[] buffer = new byte[16_384];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                if (relayGeneration <= frozenGeneration) {
                    holdForever();
                }
                String marker = closingMarker;
                if (fromClient && marker != null
                        && new String(buffer, 0, read, StandardCharsets.ISO_8859_1).contains(marker)) {
                    close();
                    return;
                }
                out.write(buffer, 0, read);
            }
        } catch (IOException | InterruptedException closed) {
            // one side went away: the relay ends
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private synchronized void holdForever() throws InterruptedException {
        while (true) {
            wait();
        }
    }

    private static void daemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // closing is best effort
        }
    }
}

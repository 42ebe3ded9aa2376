package org.amicus.reliability.tests;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import org.amicus.ami.AmiProfile;
import org.amicus.testing.Monitors;

/**
 * A fake AMI server on loopback. It is a fake: it stands in for the real PBX only where a real one cannot produce on
 * demand what a test needs (malformed and hostile frames, floods of events, a login that is never answered, every
 * byte a client sends). Everything else is tested against the real test PBX.
 * <p>
 * It speaks just enough AMI for a login as asterisk-java makes it (banner, MD5 challenge, Login, CoreSettings),
 * answers Ping, Logoff and any other action with success, lists the {@link FakeChannels channels} a test keeps on
 * CoreShowChannels, records every action it receives, and sends whatever bytes a test gives it, in order with its
 * answers. A test may replace its banner and its answer to any action, or have it keep silent.
 */
final class FakeAmiServer implements AutoCloseable {

    static final String USER = "amicus";
    static final String SECRET = "fake-secret";
    static final String BANNER = "Asterisk Call Manager/9.0.0\r\n";
    private static final String CHALLENGE = "491823472";

    /** The raw answer to an action (one or more frames, or nothing), given its headers. */
    @FunctionalInterface
    interface Answer {
        String to(Action action);
    }

    /** One action as received: its headers in order, repeated ones included. */
    record Action(List<Map.Entry<String, String>> headers) {

        String name() {
            return get("Action");
        }

        /** The first value of the header, or {@code null}. */
        String get(String header) {
            return headers.stream().filter(h -> h.getKey().equalsIgnoreCase(header)).map(Map.Entry::getValue)
                    .findFirst().orElse(null);
        }
    }

    final FakeChannels channels = new FakeChannels();
    private final ServerSocket listener;
    private final List<Action> received = new ArrayList<>(); // guarded by this
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<Socket> open = new ArrayList<>(); // guarded by this
    private volatile byte[] banner = BANNER.getBytes(StandardCharsets.US_ASCII);
    private volatile Connection current;
    private int connections; // guarded by this
    private int listings; // guarded by this

    FakeAmiServer() throws IOException {
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        daemon("fake-ami-accept", this::acceptLoop);
    }

    /** A profile for this server, with {@link #SECRET} as its secret. */
    AmiProfile profile() {
        return new AmiProfile("Fake AMI server", "127.0.0.1", listener.getLocalPort(), false, USER);
    }

    /** The first bytes of every new connection, e.g. {@link #BANNER}; empty for none at all. */
    void banner(byte[] bytes) {
        banner = bytes.clone();
    }

    /** Answers every action of that name so from now on; {@code action -> ""} keeps silent. */
    void answer(String actionName, Answer answer) {
        answers.put(actionName.toLowerCase(), answer);
    }

    /** Back to the banner and answers of a real PBX. */
    void behaveNormally() {
        banner = BANNER.getBytes(StandardCharsets.US_ASCII);
        answers.clear();
    }

    /** Sends these bytes on the current connection, after whatever it sent before. */
    void send(byte[] bytes) throws IOException {
        connection().write(bytes);
    }

    /**
     * Sends these bytes, unless the client resets the connection before they are all written: as it should for
     * input meant to make it do so, which the caller then checks.
     */
    void sendUntilReset(byte[] bytes) throws IOException {
        try {
            send(bytes);
        } catch (SocketException closedMidway) {
            // the client reset the connection: what this input is for
        }
    }

    void send(String text) throws IOException {
        send(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Ends the current connection's stream after the bytes already sent, as a PBX that closes it: the client reads
     * them, then the end. The socket itself closes once the client has closed its side.
     */
    void closeConnection() throws IOException {
        connection().endStream(null);
    }

    /**
     * Sends these bytes as the last of the current connection's stream, and ends it: no answer to an action the
     * client sent meanwhile can come after them (it would complete a frame they cut).
     */
    void sendLast(byte[] bytes) throws IOException {
        connection().endStream(bytes);
    }

    private Connection connection() {
        Connection connection = current;
        if (connection == null) {
            throw new IllegalStateException("no client has connected");
        }
        return connection;
    }

    /** Every action received so far, over all connections. */
    synchronized List<Action> received() {
        return List.copyOf(received);
    }

    /** How many connections clients have opened so far. */
    synchronized int connections() {
        return connections;
    }

    /** How many CoreShowChannels listings it has answered so far. */
    synchronized int listings() {
        return listings;
    }

    /** Waits for the first action received after the first {@code after} ones that matches. */
    synchronized Action awaitAction(int after, Predicate<Action> matching, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (int seen = after;; seen++) {
            while (seen >= received.size()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("No such action within " + timeout + "; received "
                            + received.subList(Math.min(after, received.size()), received.size()));
                }
                wait(Math.max(1, left / 1_000_000));
            }
            if (matching.test(received.get(seen))) {
                return received.get(seen);
            }
        }
    }

    /** Waits until clients have opened this many connections in all; false if not within the timeout. */
    boolean awaitConnections(int count, Duration timeout) throws InterruptedException {
        return Monitors.await(this, () -> connections >= count, timeout);
    }

    @Override
    public void close() throws IOException {
        listener.close();
        synchronized (this) {
            for (Socket socket : open) {
                socket.close();
            }
        }
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket socket = listener.accept();
                Connection connection = new Connection(socket);
                synchronized (this) {
                    open.add(socket);
                    connections++;
                    current = connection;
                    notifyAll();
                }
                daemon("fake-ami-connection", connection::serve);
            } catch (IOException closed) {
                return;
            }
        }
    }

    private synchronized void record(Action action) {
        received.add(action);
        if ("CoreShowChannels".equalsIgnoreCase(action.name())) {
            listings++;
        }
        notifyAll();
    }

    private String answer(Action action) {
        Answer custom = answers.get(String.valueOf(action.name()).toLowerCase());
        if (custom != null) {
            return custom.to(action);
        }
        String id = "ActionID: " + action.get("ActionID") + "\r\n";
        return switch (String.valueOf(action.name()).toLowerCase()) {
            case "challenge" -> "Response: Success\r\n" + id + "Challenge: " + CHALLENGE + "\r\n\r\n";
            case "login" -> USER.equals(action.get("Username"))
                    && md5(CHALLENGE + SECRET).equals(action.get("Key"))
                            ? "Response: Success\r\n" + id + "Message: Authentication accepted\r\n\r\n"
                            : "Response: Error\r\n" + id + "Message: Authentication failed\r\n\r\n";
            case "coresettings" -> "Response: Success\r\n" + id + "AMIversion: 9.0.0\r\nAsteriskVersion: 22.1.0\r\n"
                    + "SystemName: fake\r\n\r\n";
            case "ping" -> "Response: Success\r\n" + id + "Ping: Pong\r\n\r\n";
            case "logoff" -> "Response: Goodbye\r\n" + id + "Message: Thanks for all the fish.\r\n\r\n";
            case "coreshowchannels" -> channels.listing(action.get("ActionID"));
            default -> "Response: Success\r\n" + id + "Message: Done\r\n\r\n";
        };
    }

    private static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void daemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** One client: its actions read and answered on a thread of its own, its writes one at a time. */
    private final class Connection {

        final Socket socket;
        private final OutputStream out;

        Connection(Socket socket) throws IOException {
            this.socket = socket;
            this.out = socket.getOutputStream();
        }

        synchronized void write(byte[] bytes) throws IOException {
            out.write(bytes);
            out.flush();
        }

        /** Writes an answer, unless the stream has ended. */
        synchronized void writeUnlessEnded(byte[] bytes) throws IOException {
            if (!socket.isOutputShutdown()) {
                write(bytes);
            }
        }

        /**
         * Writes the last bytes, if any, and sends the end of the stream. Reading goes on, so that the socket is not
         * closed with actions unread, which would reset the connection rather than end it.
         */
        synchronized void endStream(byte[] last) throws IOException {
            if (last != null) {
                write(last);
            }
            socket.shutdownOutput();
        }

        void serve() {
            try (InputStream in = new BufferedInputStream(socket.getInputStream())) {
                write(banner);
                Action action;
                while ((action = readAction(in)) != null) {
                    record(action);
                    String answer = answer(action);
                    if (!answer.isEmpty()) {
                        writeUnlessEnded(answer.getBytes(StandardCharsets.UTF_8));
                    }
                }
            } catch (IOException closed) {
                // the client went away, or a test closed the connection
            }
        }

        /** The next action, up to its blank line; {@code null} at the end of the stream. */
        private Action readAction(InputStream in) throws IOException {
            List<Map.Entry<String, String>> headers = new ArrayList<>();
            String line;
            while ((line = readLine(in)) != null) {
                if (line.isEmpty()) {
                    if (!headers.isEmpty()) {
                        return new Action(headers);
                    }
                    continue;
                }
                int colon = line.indexOf(':');
                String name = colon < 0 ? line : line.substring(0, colon);
                String value = colon < 0 ? "" : line.substring(colon + 1);
                headers.add(new SimpleImmutableEntry<>(name, value.startsWith(" ") ? value.substring(1) : value));
            }
            return null;
        }

        /** A line up to LF, without it and a CR before it, exactly as sent otherwise. */
        private String readLine(InputStream in) throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) >= 0) {
                if (b == '\n') {
                    byte[] bytes = line.toByteArray();
                    int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1
                            : bytes.length;
                    return new String(bytes, 0, length, StandardCharsets.UTF_8);
                }
                line.write(b);
            }
            return null;
        }
    }
}

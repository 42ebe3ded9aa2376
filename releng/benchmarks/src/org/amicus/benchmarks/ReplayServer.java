package org.amicus.benchmarks;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A fake AMI server, not a PBX: it accepts any login (plain or MD5 challenge), answers the few actions clients send
 * around a login, and then streams a recorded {@link Trace} over loopback TCP, at full speed or at a fixed rate,
 * followed by a {@code FullyBooted} event that tells the client the stream is over (repeated until the client
 * leaves, in case it drops events). Answers to the client's
 * actions are slipped in between events, as a PBX does.
 */
final class ReplayServer implements AutoCloseable {

    /** The event after the trace: the trace holds none (it starts at its first call). */
    static final String END_EVENT = "FullyBooted";
    private static final byte[] END = AmiWire.frame("Event", END_EVENT, "Privilege", "system,all", "Uptime", "1",
            "LastReload", "1", "Status", "Fully Booted");
    /** A client that fell behind and dropped the end of the stream still learns of it, a little later. */
    private static final long END_REPEAT_MILLIS = 50;
    /**
     * The event after a warm-up, when the plan asks for one: an event every contender knows (asterisk-java drops
     * the ones it has no class for), which the traces hold none of.
     */
    static final String WARMED_EVENT = "Reload";
    private static final byte[] WARMED = AmiWire.frame("Event", WARMED_EVENT, "Privilege", "system,all", "Module",
            "benchmark", "Status", "0", "Message", "Warmed up");
    /** A warm-up's rate: one every contender keeps up with, so that none drops the event that ends it. */
    static final double WARMUP_RATE = 20_000;
    private static final byte[] BANNER = "Asterisk Call Manager/11.0.0\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] STREAM = new byte[0];

    /**
     * What the next connections get.
     *
     * @param rate     events per second; 0 for as fast as the client reads
     * @param events   how many trace events to send, playing the trace again from its start as often as needed
     * @param standing how many channels the PBX lists when asked with {@code CoreShowChannels}: standing calls of
     *                 two bridged channels each, which no event of the trace ends
     * @param stamps   whether to note when each event went out
     * @param warmup   how many trace events to send first, at {@link #WARMUP_RATE}, followed by the
     *                 {@link #WARMED_EVENT}; what counts comes after it
     */
    record Plan(double rate, long events, int standing, boolean stamps, long warmup) {

        /** Without a warm-up: the client's first events are measured. */
        Plan(double rate, long events, int standing, boolean stamps) {
            this(rate, events, standing, stamps, 0);
        }
    }

    /**
     * What a connection was sent.
     *
     * @param firstSent {@link System#nanoTime()} when the first event went out
     * @param sentAt    when each event went out (flushed to the socket), if the plan asked for stamps
     */
    record Played(long events, long firstSent, long[] sentAt) {
    }

    private final Trace trace;
    private final ServerSocket server;
    private final BlockingQueue<Played> played = new LinkedBlockingQueue<>();
    private volatile Plan plan = new Plan(0, 0, 0, false);

    ReplayServer(Trace trace, int port) throws IOException {
        this.trace = trace;
        this.server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "replay-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** Sets what connections get from now on. */
    void plan(Plan next) {
        played.clear();
        plan = next;
    }

    /** What the next connection to be served in full was sent; waits for it. */
    Played awaitPlayed(long timeoutSeconds) throws InterruptedException {
        Played result = played.poll(timeoutSeconds, TimeUnit.SECONDS);
        if (result == null) {
            throw new IllegalStateException("no client took the stream within " + timeoutSeconds + " s");
        }
        return result;
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                client.setTcpNoDelay(true);
                new Session(client, plan).start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    /** One client: a reader thread answering its actions, a writer thread streaming the trace. */
    private final class Session {

        private final Socket socket;
        private final Plan plan;
        private final BlockingQueue<byte[]> answers = new LinkedBlockingQueue<>();

        Session(Socket socket, Plan plan) {
            this.socket = socket;
            this.plan = plan;
        }

        void start() {
            Thread reader = new Thread(this::readActions, "replay-actions");
            reader.setDaemon(true);
            reader.start();
            Thread writer = new Thread(this::write, "replay-stream");
            writer.setDaemon(true);
            writer.start();
        }

        private void readActions() {
            boolean loggedIn = false;
            try (InputStream in = new BufferedInputStream(socket.getInputStream())) {
                byte[] frame;
                while ((frame = AmiWire.readFrame(in)) != null) {
                    Map<String, String> action = AmiWire.headers(frame);
                    String id = action.getOrDefault("ActionID", "");
                    String name = action.getOrDefault("Action", "").toLowerCase();
                    answers.add(answer(name, id));
                    if (name.equals("login") && !loggedIn) {
                        loggedIn = true;
                        answers.add(STREAM);
                    }
                }
            } catch (IOException gone) {
                // the client went away
            } finally {
                answers.add(STREAM); // wakes a writer still waiting for a login
            }
        }

        private byte[] answer(String action, String id) {
            return switch (action) {
                case "challenge" -> AmiWire.frame("Response", "Success", "ActionID", id, "Challenge", "840415273");
                case "login" -> AmiWire.frame("Response", "Success", "ActionID", id, "Message",
                        "Authentication accepted");
                case "coresettings" -> AmiWire.frame("Response", "Success", "ActionID", id, "AMIversion", "11.0.0",
                        "AsteriskVersion", "22.10.1", "SystemName", "replay", "CoreMaxCalls", "0", "CoreMaxLoadAvg",
                        "0.000000", "CoreRunUser", "asterisk", "CoreRunGroup", "asterisk", "CoreMaxFilehandles",
                        "0", "CoreRealTimeEnabled", "No", "CoreCDRenabled", "No", "CoreHTTPenabled", "No");
                case "ping" -> AmiWire.frame("Response", "Success", "ActionID", id, "Ping", "Pong", "Timestamp",
                        "1.0");
                case "logoff" -> AmiWire.frame("Response", "Goodbye", "ActionID", id, "Message", "Goodbye");
                case "coreshowchannels" -> listing(id, plan.standing());
                default -> AmiWire.frame("Response", "Success", "ActionID", id, "Message", "Replayed");
            };
        }

        private void write() {
            try (OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 1 << 16)) {
                out.write(BANNER);
                out.flush();
                byte[] answer;
                while ((answer = answers.take()) != STREAM) {
                    out.write(answer);
                    out.flush();
                }
                if (socket.isInputShutdown() || socket.isClosed()) {
                    return;
                }
                played.add(stream(out));
                while (true) { // answers the client's actions until it leaves, repeating the end meanwhile
                    byte[] next = answers.poll(END_REPEAT_MILLIS, TimeUnit.MILLISECONDS);
                    out.write(next == null ? END : next);
                    out.flush();
                }
            } catch (IOException | InterruptedException gone) {
                // the client went away
            }
        }

        private Played stream(OutputStream out) throws IOException {
            if (plan.warmup() > 0) {
                send(out, plan.warmup(), WARMUP_RATE, null);
                out.write(WARMED);
            }
            long events = plan.events();
            long[] sentAt = plan.stamps() ? new long[(int) events] : null;
            long first = send(out, events, plan.rate(), sentAt);
            out.write(END);
            out.flush();
            return new Played(events, first, sentAt);
        }

        /** Sends the trace's first events, played again as often as needed; returns when the first went out. */
        private long send(OutputStream out, long events, double rate, long[] sentAt) throws IOException {
            long period = rate > 0 ? Math.round(1e9 / rate) : 0;
            byte[] bytes = trace.bytes();
            int unstamped = 0;
            long first = System.nanoTime();
            for (long i = 0; i < events; i++) {
                if (period > 0) {
                    long wait = first + i * period - System.nanoTime();
                    if (wait > 0) {
                        out.flush();
                        unstamped = stamp(sentAt, unstamped, (int) i);
                        LockSupport.parkNanos(wait);
                    }
                }
                byte[] answer;
                while ((answer = answers.poll()) != null) {
                    out.write(answer);
                }
                int frame = (int) (i % trace.events());
                out.write(bytes, trace.start(frame), trace.length(frame));
            }
            out.flush();
            stamp(sentAt, unstamped, (int) events);
            return first;
        }

        private static int stamp(long[] sentAt, int from, int to) {
            if (sentAt != null) {
                long now = System.nanoTime();
                for (int i = from; i < to; i++) {
                    sentAt[i] = now;
                }
            }
            return to;
        }
    }

    /**
     * The answer to {@code CoreShowChannels}: standing calls of two bridged channels each, an agent's phone and a
     * customer's, up for a few minutes.
     */
    static byte[] listing(String id, int channels) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(AmiWire.frame("Response", "Success", "ActionID", id, "EventList", "start", "Message",
                "Channels will follow"));
        for (int i = 0; i < channels; i++) {
            int call = i / 2;
            boolean agent = i % 2 == 0;
            String device = agent ? "PJSIP/agent" + (call % 400) : "PJSIP/trunk";
            out.writeBytes(AmiWire.frame("Event", "CoreShowChannel", "ActionID", id, "Channel",
                    device + "-" + String.format("%08x", i), "ChannelState", "6", "ChannelStateDesc", "Up",
                    "CallerIDNum", "06" + (10_000_000 + call), "CallerIDName", "Customer " + call,
                    "ConnectedLineNum", agent ? "06" + (10_000_000 + call) : String.valueOf(200 + call % 400),
                    "ConnectedLineName", agent ? "Customer " + call : "Agent " + (call % 400), "Language", "en",
                    "AccountCode", "", "Context", "amicus", "Exten", agent ? "" : "704", "Priority", "1",
                    "Uniqueid", "standing." + i, "Linkedid", "standing." + (call * 2), "Application", "Dial",
                    "ApplicationData", agent ? "(Outgoing Line)" : "PJSIP/agent" + (call % 400),
                    "Duration", String.format("00:%02d:%02d", 1 + call % 30, call % 60), "BridgeId",
                    "standing-bridge-" + call));
        }
        out.writeBytes(AmiWire.frame("Event", "CoreShowChannelsComplete", "ActionID", id, "EventList", "Complete",
                "ListItems", String.valueOf(channels)));
        return out.toByteArray();
    }
}

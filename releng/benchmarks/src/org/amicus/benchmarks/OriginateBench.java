package org.amicus.benchmarks;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.amicus.ami.AmiProfile;
import org.amicus.ami.ConnectionOptions;
import org.amicus.ami.OriginateOutcome;
import org.amicus.ami.OriginateRequest;
import org.amicus.ami.internal.AmiConnectionService;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.event.OriginateResponseEvent;

/**
 * Originate round trips on the real PBX, from sending the action to its outcome (the {@code OriginateResponse}
 * event), the same call three ways in turns: a raw socket, Amicus's {@code originate}, and bare asterisk-java. The
 * call is {@code Local/900@amicus} (answers at once) running {@code Hangup}: it ends as soon as it is answered.
 * <p>
 * Usage: {@code OriginateBench HOST PORT USER SECRET ROUNDS}; prints one line per way:
 * {@code RESULT way=<name> <nanoseconds of each round, space separated>}.
 */
public final class OriginateBench {

    private static final String CHANNEL = "Local/900@amicus";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    public static void main(String[] args) throws Exception {
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        String user = args[2];
        String secret = args[3];
        int rounds = Integer.parseInt(args[4]);
        long[][] nanos = new long[3][rounds];
        try (RawOriginates raw = new RawOriginates(host, port, user, secret)) {
            AmiConnectionService amicus = new AmiConnectionService();
            amicus.connect(new AmiProfile("pbx", host, port, false, user), secret, ConnectionOptions.DEFAULT).get();
            AsteriskJavaOriginates asteriskJava = new AsteriskJavaOriginates(host, port, user, secret);
            for (int round = -rounds / 10; round < rounds; round++) { // the first tenth warms up, unrecorded
                for (int way = 0; way < 3; way++) {
                    int which = Math.floorMod(round + way, 3);
                    long started = System.nanoTime();
                    switch (which) {
                        case 0 -> raw.originate();
                        case 1 -> amicus(amicus);
                        default -> asteriskJava.originate();
                    }
                    if (round >= 0) {
                        nanos[which][round] = System.nanoTime() - started;
                    }
                }
            }
            amicus.disconnect().get();
            asteriskJava.connection.logoff();
        }
        String[] ways = { "raw socket", "amicus", "asterisk-java" };
        for (int way = 0; way < 3; way++) {
            StringBuilder line = new StringBuilder("RESULT way=" + ways[way].replace(' ', '-'));
            for (long n : nanos[way]) {
                line.append(' ').append(n);
            }
            System.out.println(line);
        }
        System.exit(0);
    }

    private static void amicus(AmiConnectionService amicus) throws Exception {
        OriginateOutcome outcome = amicus.originate(OriginateRequest.call(CHANNEL).toApplication("Hangup", "16")
                .timeout(TIMEOUT).build()).get(30, TimeUnit.SECONDS);
        if (outcome.result() != OriginateOutcome.Result.ANSWERED) {
            throw new IllegalStateException("unexpected outcome " + outcome);
        }
    }

    /** The same Originate as Amicus sends, written and awaited on a bare socket. */
    private static final class RawOriginates implements AutoCloseable {

        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;

        RawOriginates(String host, int port, String user, String secret) throws IOException {
            socket = new Socket(host, port);
            socket.setTcpNoDelay(true);
            in = new BufferedInputStream(socket.getInputStream());
            out = socket.getOutputStream();
            AmiWire.readLine(in);
            AmiWire.send(out, "Login", "Username", user, "Secret", secret, "Events", "call");
        }

        void originate() throws IOException {
            String id = "raw-" + UUID.randomUUID();
            AmiWire.send(out, "Originate", "ActionID", id, "Channel", CHANNEL, "Application", "Hangup", "Data", "16",
                    "Timeout", String.valueOf(TIMEOUT.toMillis()), "Async", "true", "ChannelId", id,
                    "OtherChannelId", id + "-2");
            byte[] frame;
            while ((frame = AmiWire.readFrame(in)) != null) {
                Map<String, String> headers = AmiWire.headers(frame);
                if ("OriginateResponse".equals(headers.get("Event")) && id.equals(headers.get("ActionID"))) {
                    return;
                }
            }
            throw new IOException("the PBX closed the connection");
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    /** asterisk-java's own way: an async OriginateAction, its outcome heard as an {@link OriginateResponseEvent}. */
    private static final class AsteriskJavaOriginates {

        final ManagerConnection connection;
        private final Map<String, CompletableFuture<OriginateResponseEvent>> pending = new ConcurrentHashMap<>();

        AsteriskJavaOriginates(String host, int port, String user, String secret) throws Exception {
            connection = new ManagerConnectionFactory(host, port, user, secret).createManagerConnection();
            connection.addEventListener(event -> {
                if (event instanceof OriginateResponseEvent response) {
                    String id = String.valueOf(response.getActionId());
                    CompletableFuture<OriginateResponseEvent> waiting = pending.remove(
                            id.substring(id.lastIndexOf('#') + 1)); // asterisk-java may put its own id in front
                    if (waiting != null) {
                        waiting.complete(response);
                    }
                }
            });
            connection.login();
        }

        void originate() throws Exception {
            String id = "aj-" + UUID.randomUUID();
            CompletableFuture<OriginateResponseEvent> response = new CompletableFuture<>();
            pending.put(id, response);
            OriginateAction action = new OriginateAction();
            action.setChannel(CHANNEL);
            action.setApplication("Hangup");
            action.setData("16");
            action.setTimeout(TIMEOUT.toMillis());
            action.setAsync(true);
            action.setActionId(id);
            action.setChannelId(id);
            action.setOtherChannelId(id + "-2");
            connection.sendAction(action, null);
            response.get(30, TimeUnit.SECONDS);
        }
    }
}

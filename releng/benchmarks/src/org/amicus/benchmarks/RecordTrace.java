package org.amicus.benchmarks;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Records a real AMI event stream: puts the test PBX under generated load (hundreds of concurrent calls that ring,
 * are answered, bridged and hung up, some busy or rejected) and writes every event frame it sends, byte for byte,
 * from the first call to the last hangup.
 * <p>
 * Usage: {@code RecordTrace HOST PORT USER SECRET OUT_FILE EVENTS MAX_CHANNELS}
 */
public final class RecordTrace {

    /** Originates, cycled: mostly answered and bridged calls, some ringing out, busy or rejected, a few long ones. */
    private static final String[][] CALLS = {
            // channel, exten, originate timeout (ms)
            { "Local/105@amicus", "901", "10000" }, // answered after 0.5 s, bridged, hung up 2 s later
            { "Local/106@amicus", "901", "10000" },
            { "Local/105@amicus", "901", "10000" },
            { "Local/106@amicus", "901", "10000" },
            { "Local/104@amicus", "901", "4000" }, // rings for 4 s, no answer
            { "Local/105@amicus", "901", "10000" },
            { "Local/106@amicus", "901", "10000" },
            { "Local/102@amicus", "901", "10000" }, // busy
            { "Local/105@amicus", "901", "10000" },
            { "Local/106@amicus", "901", "10000" },
            { "Local/104@amicus", "901", "3000" },
            { "Local/110@amicus", "901", "10000" }, // the phone answers 486 Busy Here
            { "Local/105@amicus", "901", "10000" },
            { "Local/106@amicus", "901", "10000" },
            { "PJSIP/105", "706", "10000" }, // two phones bridged, talking up to 30 s
            { "Local/109@amicus", "901", "10000" }, // rejected before answer
    };
    private static final String[] CUSTOMERS = { "\"Alice Martin\" <0612345678>", "\"Bob Keller\" <0498765432>",
            "\"Carla Rossi\" <0311223344>", "\"Deniz Yilmaz\" <0555667788>" };
    private static final int ORIGINATES_PER_SECOND = 120;

    private final AtomicLong recorded = new AtomicLong();
    private final AtomicInteger live = new AtomicInteger();
    /** Notified by the recorder when the last live channel has hung up. */
    private final Object allHungUp = new Object();
    private final AtomicInteger peak = new AtomicInteger();
    private volatile boolean recording = true;

    public static void main(String[] args) throws Exception {
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        new RecordTrace().record(host, port, args[2], args[3], Path.of(args[4]), Long.parseLong(args[5]),
                Integer.parseInt(args[6]));
    }

    private void record(String host, int port, String user, String secret, Path out, long events, int maxChannels)
            throws Exception {
        try (Socket listening = login(host, port, user, secret, "on");
                Socket originating = login(host, port, user, secret, "off")) {
            Thread recorder = new Thread(() -> recordEvents(listening, out), "recorder");
            recorder.start();
            Thread drain = new Thread(() -> drain(originating), "drain");
            drain.setDaemon(true);
            drain.start();
            long started = System.nanoTime();
            int calls = generateLoad(originating.getOutputStream(), events, maxChannels);
            long loadEnded = System.nanoTime();
            long deadline = loadEnded + TimeUnit.SECONDS.toNanos(60);
            synchronized (allHungUp) {
                for (long left = deadline - System.nanoTime(); live.get() > 0 && left > 0;
                        left = deadline - System.nanoTime()) {
                    allHungUp.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                }
            }
            recording = false;
            listening.shutdownInput();
            recorder.join();
            System.out.printf("recorded %d events of %d calls in %.1f s, up to %d live channels, %d left live%n",
                    recorded.get(), calls, (System.nanoTime() - started) / 1e9, peak.get(), live.get());
        }
    }

    private static Socket login(String host, int port, String user, String secret, String events)
            throws IOException {
        Socket socket = new Socket(host, port);
        InputStream in = new BufferedInputStream(socket.getInputStream());
        AmiWire.readLine(in);
        AmiWire.send(socket.getOutputStream(), "Login", "Username", user, "Secret", secret, "Events", events);
        Map<String, String> response = AmiWire.headers(AmiWire.readFrame(in));
        if (!"Success".equals(response.get("Response"))) {
            throw new IOException("login refused: " + response);
        }
        return socket;
    }

    /** Originates calls, paced, keeping at most maxChannels live, until the recorder has the events asked for. */
    private int generateLoad(OutputStream out, long events, int maxChannels) throws IOException, InterruptedException {
        long interval = TimeUnit.SECONDS.toNanos(1) / ORIGINATES_PER_SECOND;
        long next = System.nanoTime();
        int calls = 0;
        while (recorded.get() < events) {
            if (live.get() < maxChannels) {
                String[] call = CALLS[calls % CALLS.length];
                AmiWire.send(out, "Originate", "ActionID", "load-" + calls, "Channel", call[0], "Context", "amicus",
                        "Exten", call[1], "Priority", "1", "Timeout", call[2], "CallerID",
                        CUSTOMERS[calls % CUSTOMERS.length], "Async", "true");
                calls++;
            }
            next += interval;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait); // pacing the load, not synchronising
            }
        }
        return calls;
    }

    /** Writes every event frame from the first Newchannel on, and counts the live channels. */
    private void recordEvents(Socket socket, Path out) {
        Set<String> channels = new HashSet<>();
        boolean started = false;
        try (InputStream in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
                OutputStream file = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
            byte[] frame;
            while (recording && (frame = AmiWire.readFrame(in)) != null) {
                Map<String, String> headers = AmiWire.headers(frame);
                String event = headers.get("Event");
                if (event == null) {
                    continue;
                }
                if (event.equals("Newchannel")) {
                    started = true;
                    channels.add(headers.get("Uniqueid"));
                } else if (event.equals("Hangup")) {
                    channels.remove(headers.get("Uniqueid"));
                }
                if (started) {
                    file.write(frame);
                    recorded.incrementAndGet();
                    live.set(channels.size());
                    peak.accumulateAndGet(channels.size(), Math::max);
                    if (channels.isEmpty()) {
                        synchronized (allHungUp) {
                            allHungUp.notifyAll();
                        }
                    }
                }
            }
        } catch (IOException e) {
            if (recording) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    private static void drain(Socket socket) {
        try {
            socket.getInputStream().transferTo(OutputStream.nullOutputStream());
        } catch (IOException closed) {
            // the load is over
        }
    }
}

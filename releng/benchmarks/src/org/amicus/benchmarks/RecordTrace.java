package org.amicus.benchmarks;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Records a real AMI event stream: puts the test PBX under generated load of one {@link Shape shape} and writes every
 * event frame it sends, byte for byte, from the first call to the last hangup.
 * <p>
 * Usage: {@code RecordTrace HOST PORT USER SECRET OUT_FILE EVENTS MAX_CHANNELS [calls|varsets|queues|phones]}
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
    /** Data a dialler attaches to its calls, inherited by every leg: each one a VarSet per channel. */
    private static final String[] CRM_VARIABLES = { "__CRM_CUSTOMER_ID=C-0004711", "__CRM_SEGMENT=premium",
            "__CRM_LANGUAGE=de", "__CRM_CAMPAIGN=winter-renewals", "__CRM_TICKET=T-20261130-0815",
            "__CRM_PRIORITY=2", "__CRM_AGENT_GROUP=retention", "__CRM_CONTRACT=K-998877",
            "__CRM_LAST_CONTACT=2026-11-12", "__CRM_SCORE=87" };
    private static final String[] CUSTOMERS = { "\"Alice Martin\" <0612345678>", "\"Bob Keller\" <0498765432>",
            "\"Carla Rossi\" <0311223344>", "\"Deniz Yilmaz\" <0555667788>" };
    private static final int ORIGINATES_PER_SECOND = 120;

    private final AtomicLong recorded = new AtomicLong();
    private final AtomicInteger live = new AtomicInteger();
    /** Notified by the recorder when the last live channel has hung up. */
    private final Object allHungUp = new Object();
    private final AtomicInteger peak = new AtomicInteger();
    private volatile boolean recording = true;
    private final Shape shape;
    /** Opens once the recorder has the events asked for. */
    private final CountDownLatch enough = new CountDownLatch(1);
    private long wanted;

    /** What the load is made of. */
    enum Shape {
        /** Originated calls, mostly answered and bridged, some ringing out, busy or rejected, a few long ones. */
        CALLS,
        /** The same calls tagged by a dialler with inherited variables: VarSet events dominate. */
        VARSETS,
        /** Customers over the trunk into the sales and support queues, waiting, answered or giving up. */
        QUEUES,
        /** Many short calls between phones: answered and hung up after a second, unanswered, busy. */
        PHONES
    }

    private RecordTrace(Shape shape) {
        this.shape = shape;
    }

    public static void main(String[] args) throws Exception {
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        Shape shape = args.length > 7 ? Shape.valueOf(args[7].toUpperCase(java.util.Locale.ROOT)) : Shape.CALLS;
        new RecordTrace(shape).record(host, port, args[2], args[3], Path.of(args[4]), Long.parseLong(args[5]),
                Integer.parseInt(args[6]));
    }

    private void record(String host, int port, String user, String secret, Path out, long events, int maxChannels)
            throws Exception {
        wanted = events;
        try (Socket listening = login(host, port, user, secret, "on");
                Socket originating = login(host, port, user, secret, "off")) {
            Thread recorder = new Thread(() -> recordEvents(listening, out), "recorder");
            recorder.start();
            Thread drain = new Thread(() -> drain(originating), "drain");
            drain.setDaemon(true);
            drain.start();
            long started = System.nanoTime();
            switch (shape) {
                case CALLS, VARSETS -> generateLoad(originating.getOutputStream(), events, maxChannels);
                case QUEUES -> SippLoad.queues(originating.getOutputStream()).runUntil(enough);
                case PHONES -> SippLoad.phones().runUntil(enough);
            }
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
            System.out.printf("recorded %d events (%s) in %.1f s, up to %d live channels, %d left live%n",
                    recorded.get(), shape.name().toLowerCase(java.util.Locale.ROOT),
                    (System.nanoTime() - started) / 1e9, peak.get(), live.get());
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
    private void generateLoad(OutputStream out, long events, int maxChannels) throws IOException, InterruptedException {
        long interval = TimeUnit.SECONDS.toNanos(1) / ORIGINATES_PER_SECOND;
        long next = System.nanoTime();
        int calls = 0;
        while (recorded.get() < events) {
            if (live.get() < maxChannels) {
                String[] call = CALLS[calls % CALLS.length];
                List<String> headers = new ArrayList<>(List.of("ActionID", "load-" + calls, "Channel", call[0],
                        "Context", "amicus", "Exten", call[1], "Priority", "1", "Timeout", call[2], "CallerID",
                        CUSTOMERS[calls % CUSTOMERS.length], "Async", "true"));
                if (shape == Shape.VARSETS) {
                    for (String variable : CRM_VARIABLES) {
                        headers.addAll(List.of("Variable", variable));
                    }
                }
                AmiWire.send(out, "Originate", headers.toArray(String[]::new));
                calls++;
            }
            next += interval;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait); // pacing the load, not synchronising
            }
        }
        System.out.printf("%d calls originated%n", calls);
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
                    if (recorded.incrementAndGet() == wanted) {
                        enough.countDown();
                    }
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

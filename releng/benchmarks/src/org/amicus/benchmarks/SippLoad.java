package org.amicus.benchmarks;

import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.amicus.testing.SipCall;

/**
 * Load as production makes it: sipp callers in the test PBX's chroot (its {@code uac_call.xml}), each placing calls
 * at a steady rate, as customers over the trunk (from 127.0.0.2) or as phones dialling (from 127.0.0.1). A caller
 * waits for an answer, then for the hangup, each at most its patience; then it cancels or hangs up itself.
 */
final class SippLoad {

    private static final String PBX = "127.0.0.1:5060";
    private static final String CARRIER = "127.0.0.2";
    private static final String PHONES = "127.0.0.1";
    private static final int MOST_CALLS_AT_ONCE = 200;
    private static final long LONGEST_LOAD_MINUTES = 30;
    /** The callers' remote control ports, one each from here; the phones of the test PBX use 8888 to 8892. */
    private static final int FIRST_CONTROL_PORT = 8900;

    /** One sipp process: who calls which number, how many calls a second, how long they wait at most. */
    private record Caller(String address, String number, String name, String dials, int perSecond, int patienceMs) {
    }

    private final List<Caller> callers;
    private final Runnable after;

    private SippLoad(List<Caller> callers, Runnable after) {
        this.callers = callers;
        this.after = after;
    }

    /**
     * Customers call the sales line (105 and 106 answer, one call each at a time) and the support line (104 rings and
     * never answers; 106 and 108 log in for the recording), so that most of them wait in a queue while its agents
     * are rung, and give up.
     */
    static SippLoad queues(OutputStream ami) throws IOException {
        for (String member : List.of("PJSIP/106", "PJSIP/108")) {
            AmiWire.send(ami, "QueueAdd", "Queue", "support", "Interface", member, "MemberName", "Agent " + member);
        }
        return new SippLoad(List.of(
                new Caller(CARRIER, "0612345678", "Alice Martin", SipCall.SALES_DID, 3, 4_000),
                new Caller(CARRIER, "0498765432", "Bob Keller", SipCall.SUPPORT_DID, 3, 5_000),
                new Caller(CARRIER, "0311223344", "Carla Rossi", SipCall.SALES_DID, 2, 8_000)), () -> {
                    for (String member : List.of("PJSIP/106", "PJSIP/108")) {
                        try {
                            AmiWire.send(ami, "QueueRemove", "Queue", "support", "Interface", member);
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }
                });
    }

    /** Phones call each other: answered and hung up a second later, rung and cancelled, refused as busy. */
    static SippLoad phones() {
        return new SippLoad(List.of(
                new Caller(PHONES, "105", "Agent 105", "106", 4, 1_500),
                new Caller(PHONES, "106", "Agent 106", "108", 4, 1_500),
                new Caller(PHONES, "108", "Agent 108", "104", 2, 2_000),
                new Caller(PHONES, "105", "Agent 105", "110", 2, 1_000)), () -> {
                });
    }

    /** Phones call each other at 5 calls a second, as the hub's load benchmark has them. */
    static SippLoad contactCentre() {
        return new SippLoad(List.of(
                new Caller(PHONES, "105", "Agent 105", "106", 2, 1_500),
                new Caller(PHONES, "106", "Agent 106", "108", 2, 1_500),
                new Caller(PHONES, "108", "Agent 108", "104", 1, 2_000)), () -> {
                });
    }

    /** Places calls until {@code enough} opens, then lets the calls under way end and returns. */
    void runUntil(CountDownLatch enough) throws IOException, InterruptedException {
        List<Process> running = new ArrayList<>();
        try {
            for (Caller caller : callers) {
                running.add(start(caller, FIRST_CONTROL_PORT + running.size()));
            }
            if (!enough.await(LONGEST_LOAD_MINUTES, TimeUnit.MINUTES)) {
                throw new IOException("the load did not bring the events asked for in " + LONGEST_LOAD_MINUTES
                        + " minutes");
            }
        } finally {
            for (int i = 0; i < running.size(); i++) {
                quit(FIRST_CONTROL_PORT + i);
            }
            boolean allEnded = true;
            for (Process sipp : running) {
                if (!sipp.waitFor(60, TimeUnit.SECONDS)) {
                    sipp.destroyForcibly();
                    allEnded = false;
                }
            }
            after.run();
            if (!allEnded) {
                throw new IOException("a sipp caller did not end its calls within 60 s");
            }
        }
    }

    /**
     * Has a caller place no more calls and end once its calls have, each by its patience: a signal would end them at
     * once and some cancels would go unheard, leaving callers in the queues.
     */
    private static void quit(int controlPort) throws IOException {
        try (DatagramSocket socket = new DatagramSocket()) {
            byte[] command = "q".getBytes(StandardCharsets.US_ASCII);
            socket.send(new DatagramPacket(command, command.length, InetAddress.getLoopbackAddress(), controlPort));
        }
    }

    private static Process start(Caller caller, int controlPort) throws IOException {
        return new ProcessBuilder("chroot", root().toString(), "sipp", "-sf", "/opt/amicus-sipp/uac_call.xml",
                "-i", caller.address(), "-p", "0", "-s", caller.dials(), "-key", "caller", caller.number(), "-key",
                "caller_name", caller.name(), "-r", String.valueOf(caller.perSecond()), "-l",
                String.valueOf(MOST_CALLS_AT_ONCE), "-recv_timeout", String.valueOf(caller.patienceMs()), "-nostdin",
                "-cp", String.valueOf(controlPort), PBX).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static Path root() {
        return Path.of(System.getenv().getOrDefault("AMICUS_TEST_PBX_DIR", "/var/cache/amicus/test-pbx"), "root");
    }
}

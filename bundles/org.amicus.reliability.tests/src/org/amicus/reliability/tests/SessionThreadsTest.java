package org.amicus.reliability.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.amicus.ami.AmiEventListener;
import org.amicus.ami.AmiException;
import org.amicus.ami.AmiProfile;
import org.amicus.ami.ConnectionState;
import org.amicus.ami.OriginateOutcome;
import org.amicus.ami.OriginateRequest;
import org.amicus.testing.TcpProxy;
import org.asteriskjava.manager.action.PingAction;
import org.asteriskjava.manager.action.SetVarAction;
import org.junit.jupiter.api.Test;

/**
 * The connection's own thread model and its bounds: callers' code never runs on the threads that read, dispatch or
 * time; no caller waits for the network; every step of a login is bounded, and a login under way can be given up at
 * once; reconnecting leaves no threads behind.
 */
class SessionThreadsTest extends AgainstFakeServer {

    /** A continuation that blocks until a later event arrives would hang for ever on the reader or dispatcher. */
    @Test
    void aBlockingContinuationOfAnActionHoldsUpNoEvent() throws Exception {
        connect(QUICK);
        String marker = "after-ping-" + UUID.randomUUID();
        CountDownLatch markerSeen = latchOnUserEvent(marker);
        fake.answer("Ping", ping -> ""); // answered below, once the continuation is in place
        int before = fake.received().size();

        CompletableFuture<Boolean> continuation = connection.send(new PingAction(), TIMEOUT)
                .thenApply(pong -> awaitQuietly(markerSeen));
        FakeAmiServer.Action ping = fake.awaitAction(before, a -> "Ping".equals(a.name()), TIMEOUT);
        fake.send("Response: Success\r\nActionID: " + ping.get("ActionID") + "\r\nPing: Pong\r\n\r\n"
                + "Event: UserEvent\r\nUserEvent: " + marker + "\r\n\r\n");

        assertTrue(continuation.get(15, TimeUnit.SECONDS), "the event arrived while the continuation waited");
    }

    @Test
    void aBlockingContinuationOfAnOriginateOutcomeHoldsUpNoEvent() throws Exception {
        connect(QUICK);
        String marker = "after-outcome-" + UUID.randomUUID();
        CountDownLatch markerSeen = latchOnUserEvent(marker);
        int before = fake.received().size();

        CompletableFuture<Boolean> continuation = connection.originate(OriginateRequest.call("PJSIP/104")
                .toApplication("Playback", "hello-world").build()).thenApply(outcome -> awaitQuietly(markerSeen));
        FakeAmiServer.Action originate = fake.awaitAction(before, a -> "Originate".equals(a.name()), TIMEOUT);
        fake.send("Event: OriginateResponse\r\nActionID: " + originate.get("ActionID") + "\r\nResponse: Success\r\n"
                + "Uniqueid: " + originate.get("ChannelId") + "\r\nReason: 4\r\n\r\n"
                + "Event: UserEvent\r\nUserEvent: " + marker + "\r\n\r\n");

        assertTrue(continuation.get(15, TimeUnit.SECONDS), "the event arrived while the continuation waited");
    }

    /** The UI thread may send: sending queues the action, even while the PBX takes no bytes at all. */
    @Test
    void sendingNeverWaitsForTheNetwork() throws Exception {
        try (TcpProxy proxy = new TcpProxy("127.0.0.1", fake.profile().port())) {
            connection.connect(through(proxy), FakeAmiServer.SECRET, QUICK).get(10, TimeUnit.SECONDS);
            proxy.freeze(); // from now on no byte passes: the socket's buffers fill up
            String half = "v".repeat(500_000);
            List<CompletableFuture<?>> sent = new CopyOnWriteArrayList<>();
            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
                for (int i = 0; i < 100; i++) { // 50 MB: far more than any socket buffers
                    sent.add(connection.send(new SetVarAction("PJSIP/1-1", "BIG" + i, half), Duration.ofSeconds(30)));
                }
            });
            assertTrue(sent.stream().noneMatch(CompletableFuture::isDone), "nothing could have been answered");
        }
    }

    /** A server that takes the TCP connection and then says nothing, at the start of TLS. */
    @Test
    void aTlsServerThatNeverAnswersFailsTheLoginInTime() throws Exception {
        try (SilentServer silent = new SilentServer()) {
            ExecutionException failure = assertThrows(ExecutionException.class, () -> connection
                    .connect(silent.tlsProfile(), "secret", QUICK).get(15, TimeUnit.SECONDS));
            AmiException cause = assertInstanceOf(AmiException.class, failure.getCause());
            assertTrue(cause.getMessage().contains("no TLS handshake within 5 s"), cause.getMessage());
            assertEquals(ConnectionState.FAILED, connection.status().state());
        }
    }

    /** An agent who chose the wrong server need not wait for its timeouts to disconnect or to choose another. */
    @Test
    void aDisconnectOrAnotherConnectGivesUpALoginUnderWay() throws Exception {
        try (SilentServer silent = new SilentServer()) {
            CompletableFuture<Void> stuck = connection.connect(silent.tlsProfile(), "secret", QUICK);
            silent.awaitClient();
            connection.disconnect().get(10, TimeUnit.SECONDS);
            assertGivenUp(stuck);
            assertEquals(ConnectionState.DISCONNECTED, connection.status().state());

            CompletableFuture<Void> stuckAgain = connection.connect(silent.tlsProfile(), "secret", QUICK);
            silent.awaitClient();
            connection.connect(fake.profile(), FakeAmiServer.SECRET, QUICK).get(10, TimeUnit.SECONDS);
            assertGivenUp(stuckAgain);
            assertEquals(ConnectionState.CONNECTED, connection.status().state());
        }
    }

    /** Each login has its reader, writer and dispatcher; a lost one takes them along, and nothing else lingers. */
    @Test
    void reconnectingLeavesNoThreadsBehind() throws Exception {
        connect(QUICK);
        for (int loss = 1; loss <= 20; loss++) {
            fake.closeConnection();
            statuses.awaitNext(s -> s.state() == ConnectionState.RECONNECTING, TIMEOUT);
            statuses.awaitNext(s -> s.state() == ConnectionState.CONNECTED, TIMEOUT);
        }
        connection.send(new PingAction(), TIMEOUT).get(15, TimeUnit.SECONDS);

        Map<String, Long> perName = Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .collect(Collectors.groupingBy(Thread::getName, Collectors.counting()));
        for (String own : List.of("amicus-ami-reader", "amicus-ami-writer", "amicus-ami-events")) {
            assertEquals(1L, perName.getOrDefault(own, 0L), own + " threads: " + perName);
        }
        assertTrue(perName.keySet().stream().noneMatch(name -> name.startsWith("Asterisk-Java")
                || name.endsWith(":AsyncEventPump")), perName.toString());
    }

    /** The login was given up at once, not waited out to the handshake's timeout. */
    private static void assertGivenUp(CompletableFuture<Void> login) {
        ExecutionException failure = assertThrows(ExecutionException.class, () -> login.get(1, TimeUnit.SECONDS));
        assertTrue(failure.getCause().getMessage().startsWith("Gave up connecting to"),
                failure.getCause().getMessage());
    }

    private CountDownLatch latchOnUserEvent(String marker) {
        CountDownLatch seen = new CountDownLatch(1);
        AmiEventListener listener = event -> {
            if (marker.equals(event.get("UserEvent").orElse(""))) {
                seen.countDown();
            }
        };
        connection.addEventListener(listener);
        return seen;
    }

    private static boolean awaitQuietly(CountDownLatch latch) {
        try {
            return latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static AmiProfile through(TcpProxy proxy) {
        return new AmiProfile("Fake AMI server through a proxy", "127.0.0.1", proxy.port(), false,
                FakeAmiServer.USER);
    }

    /** A server that accepts connections and keeps them open without a word. */
    private static final class SilentServer implements AutoCloseable {

        private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final List<Socket> held = new CopyOnWriteArrayList<>();
        private final Semaphore accepted = new Semaphore(0);

        SilentServer() throws IOException {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(server.accept());
                        accepted.release();
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            }, "silent-server");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        AmiProfile tlsProfile() {
            return new AmiProfile("A TLS port that never answers", "localhost", server.getLocalPort(), true,
                    "amicus");
        }

        /** Waits until a client has connected: its login is under way. */
        void awaitClient() throws InterruptedException {
            assertTrue(accepted.tryAcquire(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS), "no client connected");
        }

        @Override
        public void close() throws IOException {
            server.close();
            for (Socket socket : held) {
                socket.close();
            }
        }
    }
}

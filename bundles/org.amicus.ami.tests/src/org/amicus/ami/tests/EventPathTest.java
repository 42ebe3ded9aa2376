package org.amicus.ami.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.amicus.ami.AmiEvent;
import org.amicus.ami.ConnectionOptions;
import org.amicus.ami.OriginateRequest;
import org.amicus.testing.AgainstTestPbx;
import org.amicus.testing.EventRecorder;
import org.amicus.testing.RawAmi;
import org.amicus.testing.TestPbx;
import org.asteriskjava.manager.action.PingAction;
import org.junit.jupiter.api.Test;

/** Every event reaches the listeners, or its loss is reported: on the real test PBX. */
class EventPathTest extends AgainstTestPbx {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Test
    void eventsAsteriskJavaHasNoClassForStillArrive() throws Exception {
        connectWithFullRights();

        AmiEvent booted = events.await("FullyBooted", e -> true, TIMEOUT); // sent to every new login
        assertEquals("Fully Booted", booted.get("Status").orElseThrow());

        connection.originate(OriginateRequest.call("Local/100@" + TestPbx.CONTEXT).toApplication("Wait", "1")
                .build());
        AmiEvent created = events.await("Newchannel", e -> true, TIMEOUT);
        assertTrue(created.typed().isPresent(), "known events have their asterisk-java form as well");
        // Asterisk 22 built with its test framework reports playback starts; asterisk-java has no class for it.
        AmiEvent playback = events.await("TestEvent", e -> e.getAll("State").contains("PLAYBACK"), TIMEOUT);
        assertEquals("hello-world", playback.get("Message").orElseThrow());
        assertTrue(playback.typed().isEmpty(), "asterisk-java has no class for TestEvent, yet made "
                + playback.typed().map(Object::getClass).orElse(null));
    }

    @Test
    void aListenerTooSlowLosesEventsButIsToldToResync() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        EventRecorder blocking = new EventRecorder() {
            @Override
            public void onEvent(AmiEvent event) {
                super.onEvent(event);
                awaitQuietly(release);
            }
        };
        ConnectionOptions tinyQueue = new ConnectionOptions(Duration.ofSeconds(10), Duration.ofMillis(500),
                Duration.ofSeconds(5), 5);
        connection.addEventListener(blocking);
        try {
            connection.connect(TestPbx.fullRights(), TestPbx.SECRET, tinyQueue).get(15, TimeUnit.SECONDS);
            long droppedBefore = connection.droppedEvents();
            int resyncsBefore = blocking.resyncs();
            // A call makes a few dozen events while the listener is stuck on the first. It is placed, and watched to
            // its end, on a connection of its own; a ping sent after that end is answered after every event of the
            // call has reached this connection's reader, which counts a drop as soon as it makes one.
            String call = "amicus-test-" + UUID.randomUUID();
            try (RawAmi pbx = new RawAmi()) {
                pbx.send("Originate", "Channel", "Local/100@" + TestPbx.CONTEXT, "Application", "Wait", "Data", "1",
                        "Async", "true", "ChannelId", call);
                pbx.awaitEvent("Hangup", "Uniqueid", call);
            }
            connection.send(new PingAction(), TIMEOUT).get(15, TimeUnit.SECONDS);
            assertTrue(connection.droppedEvents() > droppedBefore, "events were dropped, and counted at once");

            release.countDown();

            blocking.awaitResyncs(resyncsBefore + 1, TIMEOUT);
            // Events flow again: a call to no endpoint makes one event, unless what the resync set off (other
            // listeners listing the channels, say) fills the small queue first; either way, new events arrive.
            int heard = blocking.heard();
            connection.originate(OriginateRequest.call("PJSIP/999").toApplication("Wait", "1").build());
            blocking.awaitMoreThan(heard, TIMEOUT);
        } finally {
            release.countDown();
            connection.removeEventListener(blocking);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

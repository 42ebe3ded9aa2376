package org.amicus.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.amicus.cti.MemberState;
import org.amicus.cti.QueueCaller;
import org.amicus.cti.QueueChange;
import org.amicus.cti.QueueChange.Kind;
import org.amicus.cti.QueueMember;
import org.amicus.cti.QueueRegistry;
import org.amicus.cti.hub.HubSubjects;
import org.junit.jupiter.api.Test;

import io.nats.client.Connection;

/**
 * The queue events are published off the PBX's dispatch thread, in the order heard. The NATS connection here is a
 * stand-in whose publishing blocks until the test lets it go, as a client waiting for room in its buffer does; the
 * events reaching desktops through the real cluster are {@link HubTest}'s.
 */
class QueueEventPublisherTest {

    @Test
    void aPublishThatBlocksHoldsUpNeitherTheDispatchThreadNorTheOrder() throws Exception {
        CountDownLatch letGo = new CountDownLatch(1);
        BlockingQueue<String> published = new LinkedBlockingQueue<>();
        Connection nats = stand(Connection.class, (name, args) -> {
            if (name.equals("publish") && args.length == 2) {
                assertEquals(HubSubjects.QUEUE_EVENTS, args[0]);
                letGo.await(10, TimeUnit.SECONDS);
                published.add(Thread.currentThread().getName() + " " + new String((byte[]) args[1],
                        StandardCharsets.UTF_8));
            }
        });
        QueueEventPublisher publisher = new QueueEventPublisher(stand(QueueRegistry.class, (name, args) -> { }),
                nats);

        publisher.queuesChanged(List.of(event(Kind.CALL_ANSWERED, "answered"), event(Kind.CALLER_JOINED, "joined"),
                event(Kind.CALL_COMPLETED, "completed")));
        publisher.queuesChanged(List.of(event(Kind.CALLER_ABANDONED, "abandoned")));

        assertTrue(published.isEmpty(), "the dispatch thread went on while the first publish waited");
        letGo.countDown();
        for (String expected : List.of("answered", "completed", "abandoned")) {
            String next = published.poll(10, TimeUnit.SECONDS);
            assertTrue(next != null && next.startsWith("amicus-hub-queue-events ") && next.contains(expected),
                    expected + " next, published on the publisher's thread; was " + next);
        }
        publisher.close();
        assertTrue(published.isEmpty(), "a caller joining is state, not an event: " + published);
    }

    private static QueueChange event(Kind kind, String callerName) {
        return new QueueChange(kind, "sales", new QueueMember("sales", "PJSIP/104", "Alice", true,
                MemberState.IN_CALL, false, "", 1), new QueueCaller("sales", "1.1", "PJSIP/trunk-1", "5550100",
                        callerName, 0, Instant.now()));
    }

    /** What a stand-in's method does with its name and arguments; it returns nothing. */
    private interface Body {
        void run(String name, Object[] args) throws Exception;
    }

    private static <T> T stand(Class<T> type, Body body) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type }, (proxy, method,
                args) -> {
            body.run(method.getName(), args == null ? new Object[0] : args);
            return null;
        }));
    }
}

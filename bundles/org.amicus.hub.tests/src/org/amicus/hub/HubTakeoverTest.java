package org.amicus.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.amicus.cti.hub.HubSubjects;
import org.amicus.testing.Services;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import io.nats.client.Connection;
import io.nats.client.KeyValue;
import io.nats.client.api.KeyValueEntry;
import io.nats.client.api.KeyValueOperation;
import io.nats.client.api.KeyValueWatcher;

/**
 * A hub that takes over the buckets of an earlier one (a standby, or the same hub restarted) on the real cluster and
 * test PBX: it deletes what the earlier hub left of channels that are gone, and nothing of the boards, which every
 * desktop shows (a queue or a colleague deleted and written again would vanish from their screens meanwhile).
 */
class HubTakeoverTest {

    private static final Services services = new Services(HubTakeoverTest.class);
    private static final List<String> BOARDS = List.of(HubSubjects.QUEUES_BUCKET, HubSubjects.COLLEAGUES_BUCKET);
    private static final String MARK = "takeover-done";

    @AfterAll
    static void stop() {
        services.close();
    }

    @Test
    void aHubTakingOverDeletesNoEntryOfTheBoards() throws Exception {
        TestRoster.DirectServices direct = TestRoster.DirectServices.of(services);
        BlockingQueue<String> seen = new LinkedBlockingQueue<>();
        try (Connection asHub = TestRoster.connect("hub", error -> { })) {
            Hub first = TestRoster.startHub(direct);
            try {
                watchBoards(asHub, seen);
            } finally {
                first.close();
            }
            try (Hub second = Hub.start(TestRoster.config(), direct.services(), TestRoster.ALWAYS)) {
                // a mark after whatever the takeover wrote: once it arrives, so has every delete before it
                KeyValue colleagues = asHub.keyValue(HubSubjects.COLLEAGUES_BUCKET);
                colleagues.put(MARK, "yes".getBytes(StandardCharsets.UTF_8));
                assertEquals("done", seen.poll(15, TimeUnit.SECONDS), "no board entry deleted before the mark");
                colleagues.delete(MARK);
            }
        }
    }

    /** Tells each entry of the boards deleted from now on, and the mark once it arrives. */
    private static void watchBoards(Connection asHub, BlockingQueue<String> seen) throws Exception {
        CountDownLatch read = new CountDownLatch(BOARDS.size());
        for (String board : BOARDS) {
            assertFalse(asHub.keyValue(board).keys().isEmpty(), board + " holds the board");
            asHub.keyValue(board).watchAll(new KeyValueWatcher() {
                @Override
                public void watch(KeyValueEntry entry) {
                    boolean put = entry.getOperation() == KeyValueOperation.PUT;
                    if (read.getCount() > 0 || put && !entry.getKey().equals(MARK)) {
                        return;   // what was there before, or written
                    }
                    seen.add(entry.getKey().equals(MARK) ? "done"
                            : board + " " + entry.getKey() + " " + entry.getOperation());
                }

                @Override
                public void endOfData() {
                    read.countDown();
                }
            });
        }
        assertTrue(read.await(15, TimeUnit.SECONDS), "the boards were read");
    }
}

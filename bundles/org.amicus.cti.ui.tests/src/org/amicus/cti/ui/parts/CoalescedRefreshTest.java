package org.amicus.cti.ui.parts;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.amicus.testing.ui.DisplaySynchronize;
import org.amicus.testing.ui.UiHarness;
import org.junit.jupiter.api.Test;

/**
 * However often a part's models change, its refreshes keep a tenth of a second apart, and the last change is shown:
 * on the UI thread as on a thread of the part's own.
 */
class CoalescedRefreshTest {

    @Test
    void refreshesKeepATenthOfASecondApartAndTheLastAskIsServed() throws InterruptedException {
        try (UiHarness ui = new UiHarness(WidgetIds.KEY)) {
            List<Long> starts = new CopyOnWriteArrayList<>();
            CoalescedRefresh refresher = new CoalescedRefresh(new DisplaySynchronize(ui.display), ui.shell,
                    () -> starts.add(System.nanoTime()));
            AtomicLong lastAsk = new AtomicLong();
            Thread changes = askBusily(refresher, lastAsk);
            ui.spinUntil(() -> !changes.isAlive() && !starts.isEmpty() && starts.getLast() > lastAsk.get(),
                    Duration.ofSeconds(10));
            assertATenthApart(starts);
        }
    }

    @Test
    void onAThreadOfItsOwnTooAndNoneOnceThatThreadIsShutDown() throws InterruptedException {
        ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor();
        BlockingQueue<Long> refreshed = new LinkedBlockingQueue<>();
        CoalescedRefresh refresher = new CoalescedRefresh(thread, () -> refreshed.add(System.nanoTime()));
        AtomicLong lastAsk = new AtomicLong();
        askBusily(refresher, lastAsk).join();
        List<Long> starts = new ArrayList<>();
        while (starts.isEmpty() || starts.getLast() < lastAsk.get()) {
            Long start = refreshed.poll(10, TimeUnit.SECONDS);
            assertNotNull(start, "the last change refreshed, after " + starts.size() + " refreshes");
            starts.add(start);
        }
        assertATenthApart(starts);

        thread.shutdownNow();
        assertDoesNotThrow(refresher::ask, "a change after the part is gone");
        assertTrue(thread.awaitTermination(10, TimeUnit.SECONDS));
        assertEquals(List.of(), List.copyOf(refreshed), "no refresh once its thread is shut down");
    }

    /** A change a millisecond for about 0.6 s, as a busy PBX makes them. */
    private static Thread askBusily(CoalescedRefresh refresher, AtomicLong lastAsk) {
        return Thread.ofPlatform().name("model changes").start(() -> {
            for (int i = 0; i < 600; i++) {
                lastAsk.set(System.nanoTime());
                refresher.ask();
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
            }
        });
    }

    private static void assertATenthApart(List<Long> starts) {
        for (int i = 1; i < starts.size(); i++) {
            long gap = starts.get(i) - starts.get(i - 1);
            assertTrue(gap >= CoalescedRefresh.PERIOD_NANOS, "refresh " + i + " came " + gap / 1000 + " µs after "
                    + "the one before, of " + starts.size());
        }
        assertTrue(starts.size() >= 3, "refreshes while the changes went on: " + starts.size());
    }
}

package org.amicus.cti.ui.parts;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.amicus.testing.ui.DisplaySynchronize;
import org.amicus.testing.ui.UiHarness;
import org.junit.jupiter.api.Test;

/** However often a part's models change, its refreshes keep a tenth of a second apart, and the last change is shown. */
class CoalescedRefreshTest {

    @Test
    void refreshesKeepATenthOfASecondApartAndTheLastAskIsServed() throws InterruptedException {
        try (UiHarness ui = new UiHarness(WidgetIds.KEY)) {
            List<Long> starts = new CopyOnWriteArrayList<>();
            CoalescedRefresh refresher = new CoalescedRefresh(new DisplaySynchronize(ui.display), ui.shell,
                    () -> starts.add(System.nanoTime()));
            AtomicLong lastAsk = new AtomicLong();
            Thread changes = Thread.ofPlatform().name("model changes").start(() -> {
                for (int i = 0; i < 600; i++) { // a change a millisecond for about 0.6 s, as a busy PBX makes them
                    lastAsk.set(System.nanoTime());
                    refresher.ask();
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
                }
            });
            ui.spinUntil(() -> !changes.isAlive() && !starts.isEmpty() && starts.getLast() > lastAsk.get(),
                    Duration.ofSeconds(10));
            for (int i = 1; i < starts.size(); i++) {
                long gap = starts.get(i) - starts.get(i - 1);
                assertTrue(gap >= CoalescedRefresh.PERIOD_NANOS, "refresh " + i + " came " + gap / 1000 + " µs after "
                        + "the one before, of " + starts.size());
            }
            assertTrue(starts.size() >= 3, "refreshes while the changes went on: " + starts.size());
        }
    }
}

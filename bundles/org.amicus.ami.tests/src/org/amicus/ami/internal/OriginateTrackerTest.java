package org.amicus.ami.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.amicus.ami.AmiEvent;
import org.amicus.ami.OriginateOutcome;
import org.amicus.ami.OriginateOutcome.Result;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The tracker's matching, with the events the PBX sends when PickupChan moves the originated channel into the picked
 * one: the real PBX does this only when its threads happen to race, so the events are given here as it sends them.
 */
class OriginateTrackerTest {

    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stopTimers() {
        timers.shutdownNow();
    }

    @Test
    void aResponseReportingAnotherUniqueIdStillAnswersItsActionId() throws Exception {
        OriginateTracker tracker = new OriginateTracker(timers);
        CompletableFuture<OriginateOutcome> outcome = tracker.track("amicus-1", "amicus-1-2", Duration.ofSeconds(10));

        tracker.onEvent(event("Event", "OriginateResponse", "ActionID", "1052685840_6#amicus-1", "Response",
                "Success", "Channel", "PJSIP/108", "Reason", "4", "Uniqueid", "1795722914.7"));

        assertEquals(Result.ANSWERED, outcome.get(1, TimeUnit.SECONDS).result());
    }

    @Test
    void otherOriginatesResponsesAreNotTakenForIt() {
        OriginateTracker tracker = new OriginateTracker(timers);
        CompletableFuture<OriginateOutcome> outcome = tracker.track("amicus-1", "amicus-1-2", Duration.ofSeconds(10));

        tracker.onEvent(event("Event", "OriginateResponse", "ActionID", "1052685840_7#amicus-2", "Reason", "4",
                "Uniqueid", "amicus-2"));

        assertFalse(outcome.isDone());
    }

    private static AmiEvent event(String... headers) {
        List<Map.Entry<String, String>> entries = new ArrayList<>();
        for (int i = 0; i < headers.length; i += 2) {
            entries.add(new SimpleImmutableEntry<>(headers[i], headers[i + 1]));
        }
        return new AmiEvent(entries, null);
    }
}

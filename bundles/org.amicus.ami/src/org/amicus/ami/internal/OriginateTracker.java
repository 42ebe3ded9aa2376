package org.amicus.ami.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.amicus.ami.AmiEvent;
import org.amicus.ami.HangupCause;
import org.amicus.ami.OriginateOutcome;
import org.amicus.ami.OriginateOutcome.Result;

/**
 * Turns the PBX's events about originated channels into exactly one {@link OriginateOutcome} each. An originate is
 * recognised by the channel ids Amicus chose for it, which the PBX puts in every event about its channels, failed
 * ones included.
 * <p>
 * On failure (reason 0) the PBX gives the cause only in the channel's Hangup event, which may come just before or
 * just after the OriginateResponse; a failed outcome therefore waits briefly for that Hangup.
 */
final class OriginateTracker {

    /** How long a failed originate waits for the Hangup that says why. */
    static final Duration CAUSE_GRACE = Duration.ofMillis(500);

    private final Map<String, Pending> byChannelId = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timers;

    OriginateTracker(ScheduledExecutorService timers) {
        this.timers = timers;
    }

    /** Starts tracking before the originate is sent: its events can come before its response. */
    CompletableFuture<OriginateOutcome> track(String channelId, String otherChannelId, Duration limit) {
        Pending pending = new Pending(channelId, otherChannelId);
        byChannelId.put(channelId, pending);
        byChannelId.put(otherChannelId, pending);
        pending.deadline = timers.schedule(() -> pending.complete(Result.TIMEOUT), limit.toMillis(),
                TimeUnit.MILLISECONDS);
        return pending.outcome;
    }

    /** Stops tracking an originate the PBX never accepted. */
    void forget(String channelId) {
        Pending pending = byChannelId.get(channelId);
        if (pending != null) {
            pending.remove();
        }
    }

    void onEvent(AmiEvent event) {
        String name = event.name();
        if (name.equals("OriginateResponse") || name.equals("Hangup")) {
            Pending pending = event.get("Uniqueid").map(byChannelId::get).orElse(null);
            if (pending == null && name.equals("OriginateResponse")) {
                // A channel that was moved (PickupChan moves the picker into the picked channel) may report another
                // unique id; the response still answers the originate's ActionID, which is its channel id.
                pending = byChannelId.get(ActionIds.ownPart(event));
            }
            if (pending == null) {
                return;
            }
            if (name.equals("OriginateResponse")) {
                pending.responded(number(event, "Reason"));
            } else {
                pending.hungUp(event);
            }
        }
    }

    private static int number(AmiEvent event, String header) {
        try {
            return Integer.parseInt(event.get(header).orElse("0").trim());
        } catch (NumberFormatException garbled) {
            return 0;
        }
    }

    /** The connection is gone: no outcome will come for what is still pending. */
    void connectionLost() {
        List.copyOf(byChannelId.values()).forEach(pending -> pending.complete(Result.CONNECTION_LOST));
    }

    private static Result resultOf(int reason) {
        return switch (reason) {
            case 4 -> Result.ANSWERED;
            case 3 -> Result.NO_ANSWER;
            case 5 -> Result.BUSY;
            case 8 -> Result.CONGESTED;
            default -> Result.FAILED;
        };
    }

    private final class Pending {

        final String channelId;
        final String otherChannelId;
        final CompletableFuture<OriginateOutcome> outcome = new CompletableFuture<>();
        volatile ScheduledFuture<?> deadline;
        private HangupCause cause;
        private boolean channelHungUp;
        private boolean failedAwaitingCause;

        Pending(String channelId, String otherChannelId) {
            this.channelId = channelId;
            this.otherChannelId = otherChannelId;
        }

        synchronized void responded(int reason) {
            Result result = resultOf(reason);
            if (result != Result.FAILED || cause != null || channelHungUp) {
                complete(result);
            } else {
                failedAwaitingCause = true;
                timers.schedule(() -> complete(Result.FAILED), CAUSE_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            }
        }

        synchronized void hungUp(AmiEvent hangup) {
            int code = number(hangup, "Cause");
            if (cause == null && code != 0) {
                cause = new HangupCause(code, hangup.get("Cause-txt").orElse(""));
            }
            if (hangup.get("Uniqueid").filter(channelId::equals).isPresent()) {
                channelHungUp = true;
            }
            if (failedAwaitingCause && (cause != null || channelHungUp)) {
                complete(Result.FAILED);
            }
        }

        synchronized void complete(Result result) {
            if (outcome.isDone()) {
                return;
            }
            remove();
            // Only a failure needs its cause explained; other results would carry one only by timing.
            outcome.complete(new OriginateOutcome(result, channelId, result == Result.FAILED ? cause : null));
        }

        void remove() {
            byChannelId.remove(channelId, this);
            byChannelId.remove(otherChannelId, this);
            if (deadline != null) {
                deadline.cancel(false);
            }
        }
    }
}

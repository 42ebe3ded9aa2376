package org.amicus.cti.internal;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.amicus.ami.AmiEvent;
import org.amicus.ami.AmiEventListener;
import org.amicus.cti.AttendedTransferOutcome;
import org.amicus.cti.AttendedTransferOutcome.Result;
import org.amicus.cti.CtiException;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * The course of attended transfers by my channels, from the PBX's events ({@link ConsultationTrack}); futures are
 * completed on a thread of its own, never on the dispatch thread, and every wait is bounded.
 */
@Component(service = { AmiEventListener.class, ConsultationEvidence.class })
public class ConsultationEvidence implements AmiEventListener {

    /** The PBX reports a transfer as my channel hangs up; this bounds the wait when my call simply ended. */
    private static final Duration AFTER_HANGUP = Duration.ofSeconds(2);

    /**
     * When a consultation comes back, the PBX plays its error tone to my channel: the digits a new {@code Atxfer}
     * queues on the channel meanwhile are lost with it, and no consultation begins. A new one waits this long after.
     */
    private static final Duration AFTER_RETURN = Duration.ofSeconds(1);

    private final Map<String, ConsultationTrack> tracks = new ConcurrentHashMap<>();
    private final Map<String, Long> returnedAt = new ConcurrentHashMap<>();
    private final ExecutorService handOff = Executors.newCachedThreadPool(
            Thread.ofPlatform().name("amicus-cti-consultations").daemon().factory());

    /**
     * Follows an attended transfer by my channel; call before sending it, as its events may come before the response.
     * Refused while that channel is in a consultation already: each ends in its own outcome.
     */
    ConsultationTrack expect(String transfererId, String transferee, String target) {
        ConsultationTrack track = new ConsultationTrack(transfererId, transferee, target);
        if (tracks.putIfAbsent(transfererId, track) != null) {
            throw CtiException.of("inConsultationAlready");
        }
        track.outcome.whenComplete((done, failure) -> {
            tracks.remove(transfererId, track);
            if (!track.consulting()) { // else its start is on its way to the hand-off thread
                track.underWay.completeExceptionally(
                        CtiException.of("consultationEndedEarly", target, done.detail()));
            }
        });
        return track;
    }

    /**
     * Whether an attended transfer by that channel is asked for or under way; one whose outcome is known is over, even
     * before its completion's callbacks have removed it.
     */
    boolean following(String transfererId) {
        ConsultationTrack track = tracks.get(transfererId);
        return track != null && !track.outcome.isDone();
    }

    /** How long my channel must wait before it asks for a new consultation: none unless one just came back. */
    Duration untilSettled(String transfererId) {
        long now = System.nanoTime();
        returnedAt.values().removeIf(at -> now - at > AFTER_RETURN.toNanos());
        Long at = returnedAt.get(transfererId);
        return at == null ? Duration.ZERO : AFTER_RETURN.minusNanos(now - at);
    }

    /** The PBX accepted the transfer: my phone must be in the consultation within the limit. */
    void started(ConsultationTrack track, Duration limit) {
        after(limit, () -> {
            if (!track.consulting()) {
                track.outcome.complete(track.ended(Result.TIMEOUT,
                        "the PBX showed no consultation within " + limit.toSeconds() + " s"));
            }
        });
    }

    /** The PBX accepted my request to complete or cancel: its effect must show within the limit. */
    void requested(ConsultationTrack track, Duration limit) {
        after(limit, () -> track.outcome.complete(track.ended(Result.TIMEOUT,
                "the PBX showed no end of the consultation within " + limit.toSeconds() + " s")));
    }

    @Override
    public void onEvent(AmiEvent event) {
        if (tracks.isEmpty()) {
            return;
        }
        for (ConsultationTrack track : tracks.values()) {
            boolean wasConsulting = track.consulting();
            AttendedTransferOutcome ended = track.read(event);
            if (ended != null) {
                if (ended.result() == Result.RETURNED) {
                    returnedAt.put(track.transfererId, System.nanoTime());
                }
                handOff.execute(() -> track.outcome.complete(ended));
            } else if (track.consulting() && !wasConsulting) {
                handOff.execute(() -> track.underWay.complete(null));
            } else if (event.name().equals("Hangup")
                    && event.get("Uniqueid").orElse("").equals(track.transfererId)) {
                requested(track, AFTER_HANGUP);
            }
        }
    }

    private void after(Duration limit, Runnable check) {
        CompletableFuture.delayedExecutor(limit.toMillis(), TimeUnit.MILLISECONDS, handOff).execute(check);
    }

    @Deactivate
    void deactivate() {
        handOff.shutdown();
    }
}

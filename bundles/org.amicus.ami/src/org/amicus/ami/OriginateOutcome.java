package org.amicus.ami;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How an {@link AmiConnection#originate(OriginateRequest) originate} ended. Every originate ends in exactly one.
 *
 * @param result    what happened
 * @param channelId the unique id Amicus gave the called channel; the PBX's events about it carry this id
 * @param cause     why the channel ended, when the PBX said so; {@code null} otherwise
 * @param detail    what the PBX showed of the action run once the channel answered, for a person, e.g. "nothing was
 *                  picked up: PJSIP/104-0000001c no longer rang"; empty if nothing is known beyond the result
 */
public record OriginateOutcome(Result result, String channelId, HangupCause cause, String detail) {

    /** What happened to an originate. */
    public enum Result {
        /** The channel answered (AMI reason 4). */
        ANSWERED,
        /** It rang until the timeout, or nobody was there (reason 3). */
        NO_ANSWER,
        /** It was busy (reason 5). */
        BUSY,
        /** The network was congested (reason 8). */
        CONGESTED,
        /** It failed otherwise (reason 0 or 1): see the hangup cause. */
        FAILED,
        /** The connection to the PBX was lost before the outcome was known. */
        CONNECTION_LOST,
        /** The PBX reported no outcome within the originate timeout and a grace period. */
        TIMEOUT,
        /**
         * The channel answered, but the PBX showed that the action run on it failed (nothing to pick up, nothing to
         * spy on, no such recording…): see the {@link OriginateOutcome#detail() detail}.
         */
        ACTION_FAILED
    }

    public OriginateOutcome {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(detail, "detail");
    }

    /** An outcome with no detail. */
    public OriginateOutcome(Result result, String channelId, HangupCause cause) {
        this(result, channelId, cause, "");
    }

    public Optional<HangupCause> hangupCause() {
        return Optional.ofNullable(cause);
    }

    /**
     * For a person in the words of {@code locale}'s language (the hangup cause and the detail as the PBX gave them),
     * e.g. "Ошибка: Call Rejected (причина 21)".
     */
    public String describe(Locale locale) {
        String text = Words.of(locale, "outcome." + result.name());
        if (cause != null && result == Result.FAILED) {
            text = Words.of(locale, "outcome.withCause", text, cause.text(), cause.code());
        }
        return detail.isEmpty() ? text : Words.of(locale, "outcome.withDetail", text, detail);
    }

    /** For a person, e.g. "Failed: Call Rejected (cause 21)" or "Answered, but the action failed: …". */
    public String describe() {
        String text = switch (result) {
            case ANSWERED -> "Answered";
            case NO_ANSWER -> "No answer";
            case BUSY -> "Busy";
            case CONGESTED -> "Network congested";
            case FAILED -> "Failed";
            case CONNECTION_LOST -> "Connection to the PBX lost before the outcome was known";
            case TIMEOUT -> "The PBX reported no outcome in time";
            case ACTION_FAILED -> "Answered, but the action failed";
        };
        if (cause != null && result == Result.FAILED) {
            text += ": " + cause.describe();
        }
        return detail.isEmpty() ? text : text + ": " + detail;
    }
}

package org.amicus.ami;

import java.util.Objects;
import java.util.Optional;

/**
 * How an {@link AmiConnection#originate(OriginateRequest) originate} ended. Every originate ends in exactly one.
 *
 * @param result    what happened
 * @param channelId the unique id Amicus gave the called channel; the PBX's events about it carry this id
 * @param cause     why the channel ended, when the PBX said so; {@code null} otherwise
 */
public record OriginateOutcome(Result result, String channelId, HangupCause cause) {

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
        TIMEOUT
    }

    public OriginateOutcome {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(channelId, "channelId");
    }

    public Optional<HangupCause> hangupCause() {
        return Optional.ofNullable(cause);
    }

    /** For a person, e.g. "Failed: Call Rejected (cause 21)". */
    public String describe() {
        String text = switch (result) {
            case ANSWERED -> "Answered";
            case NO_ANSWER -> "No answer";
            case BUSY -> "Busy";
            case CONGESTED -> "Network congested";
            case FAILED -> "Failed";
            case CONNECTION_LOST -> "Connection to the PBX lost before the outcome was known";
            case TIMEOUT -> "The PBX reported no outcome in time";
        };
        return cause == null || result != Result.FAILED ? text : text + ": " + cause.describe();
    }
}

package org.amicus.cti;

import java.time.Duration;
import java.time.Instant;

/**
 * A caller in a queue: waiting, or (in a {@link QueueChange} of a call answered or completed) put through to an agent.
 * Immutable.
 *
 * @param queue          the queue's name
 * @param uniqueId       the caller's channel's unique id
 * @param channel        the caller's channel, e.g. {@code PJSIP/trunk-0000001a}
 * @param callerIdNumber the caller's number
 * @param callerIdName   the caller's name, empty if unknown
 * @param position       1 for the next caller to be put through; 0 once no longer waiting
 * @param joined         when the caller joined the queue
 */
public record QueueCaller(String queue, String uniqueId, String channel, String callerIdNumber, String callerIdName,
        int position, Instant joined) {

    /** How long the caller has waited (or waited) by then. */
    public Duration waited(Instant now) {
        Duration waited = Duration.between(joined, now);
        return waited.isNegative() ? Duration.ZERO : waited;
    }
}

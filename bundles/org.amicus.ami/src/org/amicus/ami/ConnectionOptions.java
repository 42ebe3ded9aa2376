package org.amicus.ami;

import java.time.Duration;
import java.util.Objects;

/**
 * How an {@link AmiConnection} keeps its connection alive and gets it back.
 *
 * @param pingInterval how often to ping the PBX; a connection that stops answering (a half-open TCP connection,
 *                     say) is given up within one and a half intervals
 * @param reconnectMin the first wait before reconnecting after a loss; it doubles on every failed attempt
 * @param reconnectMax the longest wait between attempts; each wait is also shortened by a random part of up to
 *                     half, so that many workstations do not reconnect in step
 * @param eventQueueCapacity how many events may wait for slow listeners; beyond that, events are dropped, counted,
 *                     and the listeners told to {@link AmiEventListener#resync() resync}
 */
public record ConnectionOptions(Duration pingInterval, Duration reconnectMin, Duration reconnectMax,
        int eventQueueCapacity) {

    public static final ConnectionOptions DEFAULT = new ConnectionOptions(Duration.ofSeconds(10),
            Duration.ofMillis(500), Duration.ofSeconds(30), 100_000);

    public ConnectionOptions {
        if (eventQueueCapacity < 1) {
            throw new IllegalArgumentException("eventQueueCapacity must be positive, not " + eventQueueCapacity);
        }
        requirePositive("pingInterval", pingInterval);
        requirePositive("reconnectMin", reconnectMin);
        requirePositive("reconnectMax", reconnectMax);
        if (reconnectMax.compareTo(reconnectMin) < 0) {
            throw new IllegalArgumentException("reconnectMax must not be shorter than reconnectMin");
        }
    }

    private static void requirePositive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, not " + value);
        }
    }
}

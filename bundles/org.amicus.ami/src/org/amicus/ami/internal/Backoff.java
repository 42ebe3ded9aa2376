package org.amicus.ami.internal;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Capped exponential backoff with jitter: min, 2·min, 4·min, … up to max, each cut by a random part of up to half.
 */
final class Backoff {

    private final Duration min;
    private final Duration max;
    private int attempts;

    Backoff(Duration min, Duration max) {
        this.min = min;
        this.max = max;
    }

    Duration next() {
        long ceiling = Math.min(max.toMillis(), min.toMillis() << Math.min(attempts, 30));
        attempts++;
        return Duration.ofMillis(ceiling - ThreadLocalRandom.current().nextLong(ceiling / 2 + 1));
    }
}

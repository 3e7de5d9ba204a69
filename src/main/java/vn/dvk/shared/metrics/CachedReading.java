package vn.dvk.shared.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * A value read from the database for a metric, kept for a while: Prometheus scrapes every few seconds
 * from every node, and a count should cost the database one query per period, not one per scrape.
 * A failed reading (the database is down) keeps the last value and is tried again at the next scrape.
 */
public final class CachedReading<T> {

    private final Supplier<T> reading;
    private final Duration keep;
    private final Clock clock;
    private volatile T value;
    private volatile Instant readAt = Instant.MIN;

    public CachedReading(Supplier<T> reading, Duration keep, Clock clock, T initial) {
        this.reading = reading;
        this.keep = keep;
        this.clock = clock;
        this.value = initial;
    }

    public T get() {
        Instant now = clock.instant();
        if (readAt.plus(keep).isBefore(now)) {
            synchronized (this) {
                if (readAt.plus(keep).isBefore(now)) {
                    try {
                        value = reading.get();
                    } catch (RuntimeException e) {
                        // keep the last value: a metric must never fail the scrape
                    }
                    readAt = now;
                }
            }
        }
        return value;
    }
}

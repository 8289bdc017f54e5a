package io.callisto.load;

import java.util.Locale;
import org.HdrHistogram.ConcurrentHistogram;

/** A latency distribution in microseconds (HdrHistogram, 3 significant digits, up to 10 minutes); thread-safe. */
final class Latency {
    private static final long MAX_MICROS = 600_000_000L;
    private final ConcurrentHistogram histogram = new ConcurrentHistogram(1, MAX_MICROS, 3);

    void recordNanos(long nanos) {
        histogram.recordValue(Math.clamp(nanos / 1_000, 1, MAX_MICROS));
    }

    long count() {
        return histogram.getTotalCount();
    }

    /** The percentile in milliseconds (NaN when empty). */
    double millis(double percentile) {
        return count() == 0 ? Double.NaN : histogram.getValueAtPercentile(percentile) / 1000.0;
    }

    double maxMillis() {
        return count() == 0 ? Double.NaN : histogram.getMaxValue() / 1000.0;
    }

    double meanMillis() {
        return count() == 0 ? Double.NaN : histogram.getMean() / 1000.0;
    }

    /** {@code p50 / p99 / p99.9 / max} in ms, for a table cell. */
    String summary() {
        if (count() == 0) {
            return "-";
        }
        return fmt(millis(50)) + " / " + fmt(millis(99)) + " / " + fmt(millis(99.9)) + " / " + fmt(maxMillis());
    }

    static String fmt(double millis) {
        if (Double.isNaN(millis)) {
            return "-";
        }
        return millis >= 100 ? String.format(Locale.ROOT, "%.0f", millis) : String.format(Locale.ROOT, "%.2f", millis);
    }
}

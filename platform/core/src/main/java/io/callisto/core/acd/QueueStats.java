package io.callisto.core.acd;


/**
 * Running counters of a queue since the stats were last reset: for service level (answered within the
 * threshold over answered plus abandoned), abandonment, and a moving average of handle time that the
 * estimated wait uses.
 */
public final class QueueStats {
    static final long DEFAULT_HANDLE_MILLIS = 180_000;
    private static final double SMOOTHING = 0.2;
    private long answered;
    private long answeredWithinServiceLevel;
    private long abandoned;
    private long completed;
    private double averageHandleMillis = DEFAULT_HANDLE_MILLIS;

    void writeTo(java.io.DataOutput out) throws java.io.IOException {
        out.writeLong(answered);
        out.writeLong(answeredWithinServiceLevel);
        out.writeLong(abandoned);
        out.writeLong(completed);
        out.writeDouble(averageHandleMillis);
    }

    static QueueStats readFrom(java.io.DataInput in) throws java.io.IOException {
        QueueStats stats = new QueueStats();
        stats.answered = in.readLong();
        stats.answeredWithinServiceLevel = in.readLong();
        stats.abandoned = in.readLong();
        stats.completed = in.readLong();
        stats.averageHandleMillis = in.readDouble();
        return stats;
    }

    void recordAnswered(long waitedMillis, int serviceLevelSeconds) {
        answered++;
        if (waitedMillis <= serviceLevelSeconds * 1000L) {
            answeredWithinServiceLevel++;
        }
    }

    void recordAbandoned() {
        abandoned++;
    }

    void recordCompleted(long handleMillis) {
        averageHandleMillis = completed == 0 ? handleMillis
                : SMOOTHING * handleMillis + (1 - SMOOTHING) * averageHandleMillis;
        completed++;
    }

    public long answered() {
        return answered;
    }

    public long answeredWithinServiceLevel() {
        return answeredWithinServiceLevel;
    }

    public long abandoned() {
        return abandoned;
    }

    public long completed() {
        return completed;
    }

    public long averageHandleMillis() {
        return Math.round(averageHandleMillis);
    }

    /** Share of answered-or-abandoned interactions answered within the threshold; 1 when nothing happened yet. */
    public double serviceLevel() {
        long total = answered + abandoned;
        return total == 0 ? 1.0 : (double) answeredWithinServiceLevel / total;
    }

    public double abandonmentRate() {
        long total = answered + abandoned;
        return total == 0 ? 0.0 : (double) abandoned / total;
    }
}

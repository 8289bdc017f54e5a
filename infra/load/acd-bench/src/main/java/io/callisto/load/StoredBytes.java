package io.callisto.load;

import com.tangosol.util.InvocableMap;

/**
 * Sums, where the entries live, the serialized (binary) size of the tenant entries' keys and values: the bytes
 * the grid keeps for the primary copies (the backups are the same size again). Runs on the storage members, which
 * have the benchmark's classes (they run {@link AcdGridMember} from the same jar).
 */
final class StoredBytes implements InvocableMap.StreamingAggregator<String, byte[], Long, Long> {
    private static final long serialVersionUID = 1L;
    private long bytes;

    @Override
    public InvocableMap.StreamingAggregator<String, byte[], Long, Long> supply() {
        return new StoredBytes();
    }

    @Override
    public boolean accumulate(InvocableMap.Entry<? extends String, ? extends byte[]> entry) {
        bytes += entry.asBinaryEntry().getBinaryKey().length() + entry.asBinaryEntry().getBinaryValue().length();
        return true;
    }

    @Override
    public boolean combine(Long partial) {
        bytes += partial;
        return true;
    }

    @Override
    public Long getPartialResult() {
        return bytes;
    }

    @Override
    public Long finalizeResult() {
        return bytes;
    }

    @Override
    public int characteristics() {
        return PARALLEL | PRESENT_ONLY;
    }
}

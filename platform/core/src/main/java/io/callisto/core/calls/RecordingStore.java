package io.callisto.core.calls;

import io.callisto.core.ids.TenantId;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Port: where call recordings live, one directory per tenant. The gateway writes a call's recording to
 * {@link #pathFor} and puts {@link #fileName} into the call's record; the API reads it back with {@link #find}.
 * Names are checked (letters, digits, {@code . _ -}, no {@code ..}, no separator), so a crafted name never reaches
 * outside the tenant's directory.
 */
public interface RecordingStore {
    Pattern NAME = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$");

    /** Where the recording of this call is written; creates the tenant's directory (owner-only) when needed. */
    Path pathFor(TenantId tenant, String callId);

    /** The tenant's recording of this name when it exists as a regular file; empty for any invalid name. */
    Optional<Path> find(TenantId tenant, String name);

    /** The file name of a call's recording, as its record keeps it. */
    static String fileName(String callId) {
        if (!CallRecord.isValidId(callId)) {
            throw new IllegalArgumentException("invalid call id");
        }
        return callId + ".wav";
    }

    /** Whether a name can be a recording's file name: one path segment of safe characters. */
    static boolean isValidName(String name) {
        return name != null && NAME.matcher(name).matches() && !name.contains("..");
    }
}

package io.callisto.core.agent;

import io.callisto.core.ids.TenantId;
import java.util.List;
import java.util.Optional;

/** Port: a tenant's away reasons, kept as one ordered list. */
public interface AwayReasonRepository {
    /** The tenant's list, or empty when it never defined one (then the defaults apply). */
    Optional<List<AwayReason>> find(TenantId tenant);

    void replace(TenantId tenant, List<AwayReason> reasons);
}

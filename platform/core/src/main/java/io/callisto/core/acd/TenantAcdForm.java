package io.callisto.core.acd;

import java.io.Serial;
import java.io.Serializable;

/** What Java serialization writes for a {@link TenantAcd}: its compact form, read back into the state. */
record TenantAcdForm(byte[] bytes) implements Serializable {
    @Serial
    private Object readResolve() {
        return TenantAcdCodec.decode(bytes, 0);
    }
}

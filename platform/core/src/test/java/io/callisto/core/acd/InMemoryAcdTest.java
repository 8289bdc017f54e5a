package io.callisto.core.acd;

import io.callisto.core.contract.AcdContract;
import java.time.Clock;

/** The Acd contract against the in-process implementation. */
class InMemoryAcdTest extends AcdContract {
    @Override
    protected Acd createAcd() {
        return new InMemoryAcd(Clock.systemUTC());
    }
}

package io.callisto.core.acd;

import io.callisto.core.contract.AcdConcurrencyContract;
import java.time.Clock;

class InMemoryAcdConcurrencyTest extends AcdConcurrencyContract {
    @Override
    protected Acd createAcd() {
        return new InMemoryAcd(Clock.systemUTC());
    }
}

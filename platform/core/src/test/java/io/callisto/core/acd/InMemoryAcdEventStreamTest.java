package io.callisto.core.acd;

import io.callisto.core.contract.AcdEventStreamContract;
import java.time.Clock;

class InMemoryAcdEventStreamTest extends AcdEventStreamContract {
    @Override
    protected Subject createSubject() {
        InMemoryAcd acd = new InMemoryAcd(Clock.systemUTC());
        return new Subject(acd, acd);
    }
}

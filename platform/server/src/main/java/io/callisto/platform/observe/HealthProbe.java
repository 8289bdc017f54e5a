package io.callisto.platform.observe;

import java.util.function.BooleanSupplier;

/** A named readiness check contributed by the composition root (database, grid, ...). */
public record HealthProbe(String name, BooleanSupplier check) {
}

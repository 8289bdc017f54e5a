package io.callisto.platform.observe;

import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;
import io.helidon.webserver.observe.ObserveFeature;
import io.helidon.webserver.observe.health.HealthObserver;
import io.helidon.webserver.observe.health.HealthObserverConfig;
import io.helidon.webserver.observe.metrics.MetricsObserver;
import java.util.List;

/** {@code /observe/health} (readiness of each probe, with details) and {@code /observe/metrics} (Prometheus). */
public final class Observability {
    private static final System.Logger LOG = System.getLogger(Observability.class.getName());

    private Observability() {
    }

    public static ObserveFeature feature(List<HealthProbe> probes) {
        HealthObserverConfig.Builder health = HealthObserver.builder().details(true);
        for (HealthProbe probe : probes) {
            health.addCheck(() -> check(probe), HealthCheckType.READINESS, probe.name());
        }
        return ObserveFeature.builder()
                .addObserver(health.build())
                .addObserver(MetricsObserver.create())
                .build();
    }

    private static HealthCheckResponse check(HealthProbe probe) {
        boolean up;
        try {
            up = probe.check().getAsBoolean();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "health probe " + probe.name() + " failed", e);
            up = false;
        }
        return HealthCheckResponse.builder().status(up).detail("name", probe.name()).build();
    }
}

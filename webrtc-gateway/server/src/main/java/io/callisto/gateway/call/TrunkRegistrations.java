package io.callisto.gateway.call;

import io.callisto.core.telephony.TelephonyDirectory;
import io.callisto.core.telephony.TelephonyDirectory.TenantTrunk;
import io.callisto.core.telephony.Trunk;
import io.callisto.gateway.sip.auth.DigestClient;
import io.callisto.gateway.sip.stack.OutgoingRegister;
import io.callisto.gateway.sip.stack.SipEndpoint;
import io.callisto.gateway.sip.stack.SipHeader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps trunks that register to their carrier registered: a REGISTER (answering the carrier's digest challenge
 * with the trunk's credentials), refreshed at half the granted expiry; when a host fails or does not answer, the
 * next of the trunk's failover hosts, after a pause. The set of trunks is re-read on every pass, so trunks added,
 * changed or disabled through the API are followed without a restart.
 */
public final class TrunkRegistrations implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(TrunkRegistrations.class.getName());
    static final Duration RETRY = Duration.ofSeconds(30);
    private final TelephonyDirectory directory;
    private final SipEndpoint endpoint;
    private final Clock clock;
    private final Map<String, Registration> registrations = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("trunk-registrations").daemon().factory());

    public TrunkRegistrations(TelephonyDirectory directory, SipEndpoint endpoint, Clock clock) {
        this.directory = directory;
        this.endpoint = endpoint;
        this.clock = clock;
    }

    /** Starts the passes, every {@code period}. */
    public TrunkRegistrations start(Duration period) {
        scheduler.scheduleWithFixedDelay(this::pass, 0, period.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** Whether the trunk is registered now (granted and not expired). */
    public boolean isRegistered(String trunkId) {
        Registration r = registrations.get(trunkId);
        return r != null && r.registeredUntil != null && r.registeredUntil.isAfter(clock.instant());
    }

    /** The host the trunk registers with now ("host:port"). */
    public String currentHost(String trunkId) {
        Registration r = registrations.get(trunkId);
        return r == null ? null : r.hosts.get(r.hostIndex);
    }

    void pass() {
        try {
            List<TenantTrunk> wanted = directory.registeringTrunks();
            registrations.keySet().removeIf(id -> wanted.stream().noneMatch(t -> t.trunk().id().equals(id)));
            Instant now = clock.instant();
            for (TenantTrunk t : wanted) {
                Registration r = registrations.compute(t.trunk().id(), (id, old) ->
                        old != null && old.trunk.equals(t.trunk()) ? old : new Registration(t.trunk()));
                if (!r.inFlight && !now.isBefore(r.nextAttempt)) {
                    send(r, null);
                }
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "trunk registrations: a pass failed: " + e);
        }
    }

    private void send(Registration r, SipHeader authorization) {
        r.inFlight = true;
        String host = r.hosts.get(r.hostIndex);
        Trunk trunk = r.trunk;
        List<SipHeader> headers = authorization == null ? List.of() : List.of(authorization);
        try {
            endpoint.register(new OutgoingRegister("sip:" + host, "sip:" + trunk.username() + "@" + host.split(":")[0],
                    r.callId, ++r.cseq, trunk.username(), trunk.registerExpiresSeconds(),
                    trunk.transport().name().toLowerCase(Locale.ROOT), headers),
                    (status, challenges, expires) -> answered(r, status, challenges, expires, authorization != null));
        } catch (RuntimeException e) {
            failed(r, "cannot send: " + e.getMessage());
        }
    }

    private void answered(Registration r, int status, List<String> challenges, int expires, boolean authorized) {
        String host = r.hosts.get(r.hostIndex);
        if ((status == 401 || status == 407) && !authorized && !challenges.isEmpty()) {
            try {
                String value = new DigestClient().authorize(challenges, r.trunk.username(), r.trunk.password(),
                        "REGISTER", "sip:" + host);
                send(r, new SipHeader(status == 407 ? "Proxy-Authorization" : "Authorization", value));
                return;
            } catch (RuntimeException e) {
                failed(r, "cannot answer the challenge: " + e.getMessage());
                return;
            }
        }
        if (status >= 200 && status < 300) {
            int granted = expires > 0 ? expires : r.trunk.registerExpiresSeconds();
            Instant now = clock.instant();
            r.registeredUntil = now.plusSeconds(granted);
            r.nextAttempt = now.plusSeconds(Math.max(1, granted / 2));
            r.inFlight = false;
            LOG.log(System.Logger.Level.INFO, "trunk {0} registered with {1} for {2} s", r.trunk.name(), host, granted);
            return;
        }
        failed(r, "answered " + status);
    }

    private void failed(Registration r, String why) {
        LOG.log(System.Logger.Level.WARNING, "trunk {0}: REGISTER with {1} failed ({2}); next: {3} in {4}",
                r.trunk.name(), r.hosts.get(r.hostIndex), why, r.hosts.get((r.hostIndex + 1) % r.hosts.size()), RETRY);
        r.registeredUntil = null;
        r.hostIndex = (r.hostIndex + 1) % r.hosts.size();
        r.nextAttempt = clock.instant().plus(RETRY);
        r.inFlight = false;
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }

    /** One trunk's registration state (changed by one pass or one answer at a time). */
    private static final class Registration {
        private final Trunk trunk;
        private final List<String> hosts = new ArrayList<>();
        private final String callId = UUID.randomUUID() + "@callisto";
        private volatile long cseq;
        private volatile int hostIndex;
        private volatile boolean inFlight;
        private volatile Instant nextAttempt = Instant.EPOCH;
        private volatile Instant registeredUntil;

        Registration(Trunk trunk) {
            this.trunk = trunk;
            hosts.add(trunk.host() + ":" + trunk.port());
            trunk.failoverHosts().forEach(h -> hosts.add(h.contains(":") ? h : h + ":" + trunk.port()));
        }
    }
}

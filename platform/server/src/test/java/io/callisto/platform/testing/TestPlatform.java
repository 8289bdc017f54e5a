package io.callisto.platform.testing;

import io.callisto.core.auth.ApiKeyService;
import io.callisto.core.auth.AuthDependencies;
import io.callisto.core.auth.AuthService;
import io.callisto.core.auth.InMemoryLoginThrottle;
import io.callisto.core.auth.PasswordHasher;
import io.callisto.core.auth.ThrottlePolicy;
import io.callisto.core.signup.SignupBilling;
import io.callisto.core.signup.SignupService;
import io.callisto.core.tenant.Tenant;
import io.callisto.core.tenant.TenantService;
import io.callisto.core.testing.InMemoryStore;
import io.callisto.core.user.UserService;
import io.callisto.platform.PlatformConfig;
import io.callisto.platform.PlatformServer;
import io.callisto.platform.PlatformServices;
import io.callisto.platform.auth.Argon2PasswordHasher;
import io.callisto.platform.auth.JwtAccessTokens;
import io.callisto.platform.http.ApiService;
import io.callisto.platform.observe.HealthProbe;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * The real platform server on a free loopback port over the in-memory store, for HTTP tests of the
 * platform and of modules that contribute API services (their tests add them through {@code extra}).
 */
public final class TestPlatform implements AutoCloseable {
    /** Cheap Argon2id parameters: tests hash many passwords; production uses OWASP's. */
    public static final PasswordHasher FAST_HASHER = new Argon2PasswordHasher(1024, 1, 1);
    private final InMemoryStore store = new InMemoryStore();
    private final PlatformServer server;
    private final PlatformServices services;
    private final ApiClient client;

    private TestPlatform(int publicRatePerMinute, java.util.Set<String> trustedProxies,
                         Function<PlatformServices, List<ApiService>> extra) {
        Clock clock = Clock.tickMillis(java.time.ZoneOffset.UTC);
        AuthService auth = new AuthService(new AuthDependencies(store, store.tenants(), store.users(),
                store.refreshTokens(), store.apiKeys(), FAST_HASHER,
                new JwtAccessTokens(new byte[32], Duration.ofMinutes(15), clock),
                new InMemoryLoginThrottle(ThrottlePolicy.DEFAULT, clock), clock), Duration.ofDays(1));
        services = new PlatformServices(auth,
                new SignupService(store, store.tenants(), store.users(), FAST_HASHER, new NoBilling(), clock),
                new UserService(store, store.users(), store.refreshTokens(), FAST_HASHER, clock),
                new TenantService(store, store.tenants()),
                new ApiKeyService(store, store.apiKeys(), clock));
        server = PlatformServer.start(new PlatformConfig("127.0.0.1", 0, PlatformConfig.DEFAULT_MAX_JSON_BYTES,
                publicRatePerMinute, trustedProxies), services, extra.apply(services),
                List.of(new HealthProbe("store", () -> true)));
        client = new ApiClient("http://127.0.0.1:" + server.port());
    }

    public static TestPlatform start() {
        return new TestPlatform(0, java.util.Set.of(), s -> List.of());
    }

    public static TestPlatform start(int publicRatePerMinute) {
        return new TestPlatform(publicRatePerMinute, java.util.Set.of(), s -> List.of());
    }

    public static TestPlatform start(int publicRatePerMinute, java.util.Set<String> trustedProxies) {
        return new TestPlatform(publicRatePerMinute, trustedProxies, s -> List.of());
    }

    public static TestPlatform start(Function<PlatformServices, List<ApiService>> extra) {
        return new TestPlatform(0, java.util.Set.of(), extra);
    }

    public ApiClient client() {
        return client;
    }

    public InMemoryStore store() {
        return store;
    }

    public PlatformServer server() {
        return server;
    }

    @Override
    public void close() {
        server.stop();
    }

    private static final class NoBilling implements SignupBilling {
        @Override
        public boolean enabled() {
            return false;
        }

        @Override
        public String startCheckout(Tenant tenant, String adminEmail, int seats) {
            throw new IllegalStateException("billing disabled in tests");
        }
    }
}

package io.callisto.core.testing;

/** Read-only counts of what an InMemoryStore holds, to assert that a failed operation stored nothing. */
public final class StoreContents {
    private StoreContents() {
    }

    public static int tenants(InMemoryStore store) {
        return store.tenants.size();
    }

    public static int users(InMemoryStore store) {
        return store.users.size();
    }

    public static int apiKeys(InMemoryStore store) {
        return store.apiKeys.size();
    }

    public static int refreshTokens(InMemoryStore store) {
        return store.refreshTokens.size();
    }
}

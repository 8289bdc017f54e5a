package io.callisto.platform.http;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import java.util.List;
import java.util.Set;

/**
 * The client's address for rate limiting. Behind a load balancer every request comes from the balancer, so
 * for peers on the trusted-proxy list the right-most X-Forwarded-For address that is not itself a trusted
 * proxy is the client; X-Forwarded-For from anyone else is ignored (it is trivially forged).
 */
public final class ClientAddress {
    private static final HeaderName FORWARDED_FOR = HeaderNames.create("X-Forwarded-For");
    private final Set<String> trustedProxies;

    public ClientAddress(Set<String> trustedProxies) {
        this.trustedProxies = Set.copyOf(trustedProxies);
    }

    public String of(ServerRequest request) {
        String peer = request.remotePeer().host();
        if (!trustedProxies.contains(peer)) {
            return peer;
        }
        List<String> forwarded = request.headers().all(FORWARDED_FOR, List::of);
        String client = peer;
        for (String header : forwarded) {
            for (String hop : header.split(",")) {
                String address = hop.trim();
                if (!address.isEmpty() && !trustedProxies.contains(address)) {
                    client = address;
                }
            }
        }
        return client;
    }
}

package io.callisto.grid;

import com.tangosol.net.Coherence;
import com.tangosol.net.CoherenceConfiguration;
import com.tangosol.net.NamedMap;
import com.tangosol.net.Session;
import com.tangosol.net.SessionConfiguration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** This process's membership in the Callisto grid (a Coherence cluster member) and its session. */
public final class GridNode implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(GridNode.class.getName());
    private static final String CACHE_CONFIG = "callisto-cache-config.xml";
    private final Coherence coherence;
    private final Session session;

    private GridNode(Coherence coherence) {
        this.coherence = coherence;
        this.session = coherence.getSession();
    }

    /** Joins (or forms) the cluster and waits until this member is started. */
    public static GridNode start(GridConfig config) {
        // Coherence reads its bootstrap settings from system properties; this is the one place they are set.
        System.setProperty("coherence.cluster", config.clusterName());
        System.setProperty("coherence.role", config.role());
        System.setProperty("coherence.distributed.localstorage", Boolean.toString(config.storageEnabled()));
        System.setProperty("coherence.ttl", "0");
        System.setProperty("coherence.log.level", System.getProperty("coherence.log.level", "3"));
        // Through java.util.logging, so Coherence follows the process's log format and levels.
        System.setProperty("coherence.log", System.getProperty("coherence.log", "jdk"));
        // The cluster port is both where this member listens and where it looks for the well-known members.
        System.setProperty("coherence.clusterport", Integer.toString(config.clusterPort()));
        if (config.wellKnownAddresses() != null && !config.wellKnownAddresses().isBlank()) {
            System.setProperty("coherence.wka", config.wellKnownAddresses());
        }
        if (config.localAddress() != null && !config.localAddress().isBlank()) {
            // Every Coherence socket on this address: TCMP (localhost), the discovery socket and the
            // NameService acceptor (discovery.address, else the wildcard), the health listener.
            System.setProperty("coherence.localhost", config.localAddress());
            System.setProperty("coherence.discovery.address", config.localAddress());
            System.setProperty("coherence.health.http.address", config.localAddress());
        }
        // No JMX connector unless an operator asks for one (-Dcoherence.management=all): it briefly probes
        // the wildcard address for a port, and /observe/metrics already serves what operators read.
        System.setProperty("coherence.management", System.getProperty("coherence.management", "none"));
        CoherenceConfiguration cfg = CoherenceConfiguration.builder()
                .withSession(SessionConfiguration.builder().withConfigUri(CACHE_CONFIG).build())
                .build();
        Coherence coherence = Coherence.clusterMember(cfg);
        try {
            coherence.start().get(2, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while joining the grid", e);
        } catch (ExecutionException | TimeoutException e) {
            coherence.close();
            throw new IllegalStateException("could not join the grid cluster " + config.clusterName(), e);
        }
        LOG.log(System.Logger.Level.INFO, "joined grid cluster {0} as {1} (storage {2}), {3} member(s)",
                config.clusterName(), config.role(), config.storageEnabled() ? "enabled" : "disabled",
                coherence.getCluster().getMemberSet().size());
        return new GridNode(coherence);
    }

    public <K, V> NamedMap<K, V> map(String name) {
        return session.getMap(name);
    }

    /** Ready when this member runs and the cluster service is up. */
    public boolean isHealthy() {
        return coherence.isStarted() && coherence.getCluster().isRunning();
    }

    public int memberCount() {
        return coherence.getCluster().getMemberSet().size();
    }

    @Override
    public void close() {
        coherence.close();
    }
}

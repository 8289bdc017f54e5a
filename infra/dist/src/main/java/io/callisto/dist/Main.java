package io.callisto.dist;

import io.helidon.logging.common.LogConfig;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Runs Callisto. Arguments: {@code --role=all|platform|gateway} and {@code --config=<file.yaml>}
 * (both also settable as CALLISTO_ROLE and CALLISTO_CONFIG). Stops gracefully on SIGTERM / Ctrl-C.
 */
public final class Main {
    private static final System.Logger LOG = System.getLogger(Main.class.getName());

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        LogConfig.configureRuntime();
        Map<String, String> env = new HashMap<>(System.getenv());
        for (String arg : args) {
            if (arg.startsWith("--role=")) {
                env.put("CALLISTO_ROLE", arg.substring("--role=".length()));
            } else if (arg.startsWith("--config=")) {
                env.put("CALLISTO_CONFIG", arg.substring("--config=".length()));
            } else {
                LOG.log(System.Logger.Level.ERROR, "unknown argument {0}; use --role=all|platform|gateway and "
                        + "--config=<file>", arg);
                System.exit(2);
            }
        }
        String config = env.get("CALLISTO_CONFIG");
        Callisto callisto;
        try {
            callisto = Callisto.start(Settings.load(env, config == null ? null : Path.of(config)));
        } catch (IllegalArgumentException | IllegalStateException e) {
            LOG.log(System.Logger.Level.ERROR, "Callisto could not start: " + e.getMessage(), e);
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.log(System.Logger.Level.INFO, "stopping Callisto");
            callisto.close();
            stopped.countDown();
        }, "callisto-shutdown"));
        LOG.log(System.Logger.Level.INFO, "Callisto is serving on http://localhost:{0,number,#}", callisto.httpPort());
        stopped.await();
    }
}

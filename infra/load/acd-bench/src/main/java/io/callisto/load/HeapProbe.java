package io.callisto.load;

import io.callisto.core.acd.TenantAcd;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Heap of other JVMs on this host, through {@code jcmd}: {@code GC.class_histogram} runs a full GC and then counts
 * the live objects by class; its total is the live heap. (The "used" of {@code GC.heap_info} after {@code GC.run}
 * would also count what the process allocated between the two commands: megabytes, on a busy member.) Also the
 * Java serialization size and cost of a value, which is how the grid stores and ships a tenant's state.
 */
final class HeapProbe {
    private static final Pattern TOTAL = Pattern.compile("(?m)^Total\\s+\\d+\\s+(\\d+)");
    private static final Path JCMD = Path.of(System.getProperty("java.home"), "bin", "jcmd");

    private HeapProbe() {
    }

    /** Bytes of live objects in the process's heap, after a full GC. */
    static long liveBytes(long pid) {
        return liveBytes(histogram(pid), pid);
    }

    static long liveBytes(String histogram, long pid) {
        Matcher m = TOTAL.matcher(histogram);
        if (!m.find()) {
            throw new IllegalStateException("no total in the class histogram of " + pid);
        }
        return Long.parseLong(m.group(1));
    }

    /** The process's class histogram ({@code jcmd GC.class_histogram}: live objects by class, after a full GC). */
    static String histogram(long pid) {
        return jcmd(pid, "GC.class_histogram");
    }

    private static String jcmd(long pid, String command) {
        List<String> cmd = new ArrayList<>(List.of(JCMD.toString(), Long.toString(pid), command));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", cmd) + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + cmd, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + cmd, e);
        }
    }

    /**
     * Mean microseconds to encode, and to decode, the state's compact form, as {encode, decode}: each timed for
     * about a second after a second of warm-up, in this JVM.
     */
    static double[] codecMicros(TenantAcd value) {
        byte[] bytes = value.toBytes();
        long warm = System.nanoTime() + 1_000_000_000L;
        while (System.nanoTime() < warm) {
            TenantAcd.fromBytes(value.toBytes());
        }
        long n = 0;
        long t0 = System.nanoTime();
        while (System.nanoTime() - t0 < 1_000_000_000L) {
            value.toBytes();
            n++;
        }
        double encode = (System.nanoTime() - t0) / 1e3 / n;
        n = 0;
        t0 = System.nanoTime();
        while (System.nanoTime() - t0 < 1_000_000_000L) {
            TenantAcd.fromBytes(bytes);
            n++;
        }
        return new double[] {encode, (System.nanoTime() - t0) / 1e3 / n};
    }
}

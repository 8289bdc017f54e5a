package io.callisto.load;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
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

    static byte[] serialize(Serializable value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialize " + value.getClass(), e);
        }
        return bytes.toByteArray();
    }

    static Object deserialize(byte[] bytes) {
        try (ObjectInputStream in = new ObjectInputStream(new java.io.ByteArrayInputStream(bytes))) {
            return in.readObject();
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("cannot deserialize", e);
        }
    }

    /**
     * Mean microseconds to serialize, and to deserialize, the value, as {serialize, deserialize}: each timed for
     * about a second after a second of warm-up, in this JVM.
     */
    static double[] codecMicros(Serializable value) {
        byte[] bytes = serialize(value);
        long warm = System.nanoTime() + 1_000_000_000L;
        while (System.nanoTime() < warm) {
            deserialize(serialize(value));
        }
        long n = 0;
        long t0 = System.nanoTime();
        while (System.nanoTime() - t0 < 1_000_000_000L) {
            serialize(value);
            n++;
        }
        double serialize = (System.nanoTime() - t0) / 1e3 / n;
        n = 0;
        t0 = System.nanoTime();
        while (System.nanoTime() - t0 < 1_000_000_000L) {
            deserialize(bytes);
            n++;
        }
        return new double[] {serialize, (System.nanoTime() - t0) / 1e3 / n};
    }
}

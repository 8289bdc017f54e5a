package io.callisto.dist;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A network namespace this test creates, joined to the host by a veth pair on a /30 of 172.31.0.0/16 that no
 * interface here uses: the host side gets .1 (where Callisto listens), the namespace side .2 (where the browser and
 * sipp run). Test traffic then crosses a real link between two network stacks, as from a customer's network, and
 * still never leaves this machine. Needs root (CI runs as root); closing deletes both.
 */
final class NetNamespace implements AutoCloseable {
    private final String name;
    private final String hostLink;
    private final String hostAddress;
    private final String namespaceAddress;

    private NetNamespace(String name, String hostLink, String hostAddress, String namespaceAddress) {
        this.name = name;
        this.hostLink = hostLink;
        this.hostAddress = hostAddress;
        this.namespaceAddress = namespaceAddress;
    }

    /** Whether this process may create namespaces (root, with iproute2). */
    static boolean available() {
        return "root".equals(System.getProperty("user.name")) && java.util.stream.Stream.of("/usr/sbin/ip", "/sbin/ip",
                "/usr/bin/ip").anyMatch(ip -> java.nio.file.Files.isExecutable(java.nio.file.Path.of(ip)));
    }

    static NetNamespace create() throws IOException, InterruptedException {
        String used = run(List.of("ip", "-4", "-o", "addr", "show"));
        int subnet;
        String prefix;
        do {
            subnet = ThreadLocalRandom.current().nextInt(200, 255);
            prefix = "172.31." + subnet + ".";
        } while (used.contains(" " + prefix));
        String id = Long.toString(ProcessHandle.current().pid() % 100_000) + subnet;
        NetNamespace ns = new NetNamespace("cal-" + id, "vh" + id, prefix + "1", prefix + "2");
        try {
            ns.build("vn" + id);
        } catch (IOException | RuntimeException e) {
            ns.close();
            throw e;
        }
        return ns;
    }

    private void build(String namespaceLink) throws IOException, InterruptedException {
        run(List.of("ip", "netns", "add", name));
        run(List.of("ip", "link", "add", hostLink, "type", "veth", "peer", "name", namespaceLink));
        run(List.of("ip", "link", "set", namespaceLink, "netns", name));
        run(List.of("ip", "addr", "add", hostAddress + "/30", "dev", hostLink));
        run(List.of("ip", "link", "set", hostLink, "up"));
        run(exec("ip", "addr", "add", namespaceAddress + "/30", "dev", namespaceLink));
        run(exec("ip", "link", "set", namespaceLink, "up"));
        run(exec("ip", "link", "set", "lo", "up"));
    }

    String name() {
        return name;
    }

    /** The host side's address: where Callisto's HTTP, SIP and media listen. */
    String hostAddress() {
        return hostAddress;
    }

    /** The namespace side's address: the browser's and the carrier's. */
    String namespaceAddress() {
        return namespaceAddress;
    }

    /** A command line that runs {@code command} inside the namespace. */
    List<String> exec(String... command) {
        List<String> line = new ArrayList<>(List.of("ip", "netns", "exec", name));
        line.addAll(List.of(command));
        return line;
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(20, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output.strip());
        }
        return output;
    }

    @Override
    public void close() {
        // deleting one end of a veth deletes both; a namespace with nothing left running goes at once
        for (List<String> command : List.of(List.of("ip", "link", "del", hostLink), List.of("ip", "netns", "del", name))) {
            try {
                run(command);
            } catch (IOException e) {
                // already gone (a half-built namespace)
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

package io.callisto.gateway.sipp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs sipp 3.6.1 (Debian's sip-tester) from JUnit: a builder for one sipp process playing one scenario from
 * the test resources under {@code /sipp/} (see README.md there). Everything binds to 127.0.0.1 and talks to
 * 127.0.0.0/8 only; ports default to free ones ({@link Ports}).
 *
 * <pre>{@code
 * try (SippProcess agent = Sipp.scenario("agent_answer_echo.xml").rtpEndpoint(RtpEndpoint.Mode.ECHO).start();
 *      SippProcess carrier = Sipp.scenario("carrier_call_bye.xml").remote(agent.sipPort())
 *              .service("+15551230000").set("talk_ms", 2000).rtpEndpoint(RtpEndpoint.Mode.SINK).start()) {
 *     SippResult call = carrier.await();
 *     assertThat(call.isSuccess()).as(call.describe()).isTrue();
 *     assertThat(carrier.rtp().packets()).isPositive();
 * }
 * }</pre>
 */
public final class Sipp {

    /** sipp's binary: system property {@code sipp.binary}, default /usr/bin/sipp. */
    public static final Path BINARY = Path.of(System.getProperty("sipp.binary", "/usr/bin/sipp"));
    /** Where "pcap/x.pcap" in a scenario is looked up: system property {@code sipp.pcapDir}. */
    public static final Path PCAP_DIR = Path.of(System.getProperty("sipp.pcapDir", "/usr/share/sip-tester"));
    /** Parent of the per-run work directories: system property {@code sipp.workDir}, default target/sipp. */
    public static final Path WORK_ROOT = Path.of(System.getProperty("sipp.workDir", "target/sipp"));

    static final String STATS_FILE = "stats.csv";
    static final String MESSAGES_FILE = "messages.log";
    static final String SCREEN_FILE = "screen.log";
    static final String ERRORS_FILE = "errors.log";
    static final String LOGS_FILE = "logs.log";
    static final String STDOUT_FILE = "stdout.log";

    private static final Pattern GLOBALS = Pattern.compile("<Global\\s+variables\\s*=\\s*\"([^\"]*)\"");
    private static final Pattern PCAP_REF = Pattern.compile("(play_pcap_(?:audio|video|image)=\")pcap/");
    private static final AtomicInteger RUNS = new AtomicInteger();

    private Sipp() {
    }

    /** Whether the sipp binary is there (tests assume it). */
    public static boolean available() {
        return Files.isExecutable(BINARY);
    }

    /** A run of a scenario from the test resources ({@code /sipp/<name>}). */
    public static Builder scenario(String resourceName) {
        return new Builder(resourceName, loadResource(resourceName));
    }

    /** A run of a scenario file. */
    public static Builder scenario(Path file) {
        try {
            return new Builder(file.getFileName().toString(), Files.readString(file, StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String loadResource(String name) {
        try (InputStream in = Sipp.class.getResourceAsStream("/sipp/" + name)) {
            if (in == null) throw new IllegalArgumentException("no scenario /sipp/" + name + " on the test class path");
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIP transport: sipp's -t u1 (one UDP socket) or -t t1 (one TCP socket). */
    public enum Transport {
        UDP("u1"), TCP("t1");

        private final String sippMode;

        Transport(String sippMode) {
            this.sippMode = sippMode;
        }
    }

    /** How RTP is handled at the scenario's media port. */
    enum Media { NONE, SIPP_ECHO, ENDPOINT }

    /** Options of one sipp run; {@link #start()} launches it. */
    public static final class Builder {
        private final String name;
        private final String text;
        private String oocName;
        private String oocText;
        private String remoteHost;
        private int remotePort;
        private int localPort;
        private int mediaPort;
        private Transport transport = Transport.UDP;
        private final Map<String, String> variables = new LinkedHashMap<>();
        private final List<String> options = new ArrayList<>();
        private final List<String> extra = new ArrayList<>();
        private int calls = 1;
        private Duration timeout = Duration.ofSeconds(30);
        private Media media = Media.NONE;
        private RtpEndpoint.Mode endpointMode;
        private Path workDir;
        private String namespace;
        private String localAddress = "127.0.0.1";

        private Builder(String name, String text) {
            this.name = name;
            this.text = text;
        }

        /** Where calls go (UAC scenarios): host must be an IPv4 literal in 127.0.0.0/8. */
        public Builder remote(String host, int port) {
            this.remoteHost = Ports.requireLoopback(host);
            this.remotePort = port;
            return this;
        }

        /**
         * Runs sipp inside a network namespace the test created ({@code ip netns exec}), signalling and sending media
         * from {@code localAddress} there, calling {@code gatewayAddress} on the host side of the namespace's veth.
         * The harness's own RTP endpoint lives in this JVM's namespace, so it is not available here: run
         * {@link RtpSinkMain} in the namespace on [media_port+4] instead.
         */
        public Builder inNamespace(String name, String localAddress, String gatewayAddress, int gatewayPort) {
            this.namespace = java.util.Objects.requireNonNull(name);
            this.localAddress = java.util.Objects.requireNonNull(localAddress);
            this.remoteHost = java.util.Objects.requireNonNull(gatewayAddress);
            this.remotePort = gatewayPort;
            return this;
        }

        /** Where calls go: 127.0.0.1:port. */
        public Builder remote(int port) {
            return remote("127.0.0.1", port);
        }

        /** sipp's SIP port (-p); default a free one. */
        public Builder localPort(int port) {
            this.localPort = port;
            return this;
        }

        /** sipp's media port (-mp; sipp binds it and +2, the RtpEndpoint takes +4); default a free block. */
        public Builder mediaPort(int port) {
            this.mediaPort = port;
            return this;
        }

        public Builder transport(Transport value) {
            this.transport = value;
            return this;
        }

        /** The request-URI user (-s), e.g. the dialled number. */
        public Builder service(String user) {
            return option("-s", user);
        }

        /** Digest credentials for [authentication] (-au, -ap). */
        public Builder auth(String user, String password) {
            option("-au", user);
            return option("-ap", password);
        }

        /** The digest uri sipp computes the response for is "sip:" + this (-auth_uri); default remote ip:port. */
        public Builder authUri(String uri) {
            return option("-auth_uri", uri);
        }

        /** A scenario variable (-set); it must be declared in the scenario's (or out-of-call scenario's) Global. */
        public Builder set(String variable, Object value) {
            variables.put(variable, String.valueOf(value));
            return this;
        }

        /** Calls to complete before sipp exits (-m); default 1. */
        public Builder calls(int count) {
            this.calls = count;
            return this;
        }

        /** Call rate: {@code count} calls every {@code period} (-r, -rp). */
        public Builder rate(int count, Duration period) {
            option("-r", Integer.toString(count));
            return option("-rp", period.toMillis() + "ms");
        }

        /** Maximum simultaneous calls (-l). */
        public Builder limit(int calls) {
            return option("-l", Integer.toString(calls));
        }

        /** sipp quits after this (-timeout); the harness kills it 10 s later. Default 30 s. */
        public Builder timeout(Duration value) {
            this.timeout = value;
            return this;
        }

        /** sipp echoes RTP itself (-rtp_echo on -mp); the agent scenarios then advertise -mp (rtp_port). */
        public Builder rtpEcho() {
            this.media = Media.SIPP_ECHO;
            return this;
        }

        /**
         * A Java {@link RtpEndpoint} on media port + 4 counts the RTP (and echoes it in ECHO mode): the carrier
         * scenarios advertise [media_port+4]; the agent scenarios get rtp_port set to it.
         */
        public Builder rtpEndpoint(RtpEndpoint.Mode mode) {
            this.media = Media.ENDPOINT;
            this.endpointMode = mode;
            return this;
        }

        /** An out-of-call scenario (-oocsf) from the test resources: agent_register.xml's calls. */
        public Builder outOfCall(String resourceName) {
            this.oocName = resourceName;
            this.oocText = loadResource(resourceName);
            return this;
        }

        /** Any other sipp arguments, appended as given. */
        public Builder arg(String... args) {
            extra.addAll(List.of(args));
            return this;
        }

        /** The run's directory (scenario copies, traces); default a fresh one under {@link #WORK_ROOT}. */
        public Builder workDir(Path dir) {
            this.workDir = dir;
            return this;
        }

        /**
         * Starts sipp and returns once its SIP port is bound. When a port turns out to be taken after all (another
         * JVM's tests), it retries twice with other free ports, unless both ports were given.
         */
        public SippProcess start() {
            for (int attempt = 1; ; attempt++) {
                try {
                    return startOnce();
                } catch (SippProcess.PortInUse e) {
                    if (attempt == 3 || (localPort > 0 && mediaPort > 0)) throw e;
                }
            }
        }

        private SippProcess startOnce() {
            int sip = localPort > 0 ? localPort : Ports.sipPort();
            int mp = mediaPort > 0 ? mediaPort : Ports.mediaBase();
            Path dir = prepareWorkDir(sip);
            int rtpPort = media == Media.ENDPOINT ? mp + 4 : mp;
            List<String> command = command(dir, sip, mp, rtpPort);
            RtpEndpoint endpoint = null;
            if (media == Media.ENDPOINT) {
                try {
                    endpoint = RtpEndpoint.open(rtpPort, endpointMode);
                } catch (UncheckedIOException e) {
                    throw new SippProcess.PortInUse("RTP port " + rtpPort + " is taken", e);
                }
            }
            return SippProcess.start(new SippProcess.Launch(command, dir, localAddress, sip, mp, rtpPort,
                    transport == Transport.TCP, endpoint, calls, timeout.plusSeconds(10)));
        }

        /** Starts sipp and waits for it to exit. */
        public SippResult run() {
            try (SippProcess process = start()) {
                return process.await();
            }
        }

        private Path prepareWorkDir(int sip) {
            try {
                String base = name.replaceAll("\\.xml$", "");
                Path dir = workDir != null ? workDir
                        : WORK_ROOT.toAbsolutePath().resolve(base + "-" + sip + "-" + RUNS.incrementAndGet());
                Files.createDirectories(dir);
                Files.writeString(dir.resolve(name), fixPcapPaths(text), StandardCharsets.ISO_8859_1);
                if (oocText != null) Files.writeString(dir.resolve(oocName), fixPcapPaths(oocText), StandardCharsets.ISO_8859_1);
                return dir;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private List<String> command(Path dir, int sip, int mp, int rtpPort) {
            Set<String> declared = new LinkedHashSet<>(globals(text));
            if (oocText != null) declared.addAll(globals(oocText));
            Map<String, String> vars = new LinkedHashMap<>(variables);
            if (declared.contains("rtp_port") && media != Media.NONE) vars.putIfAbsent("rtp_port", Integer.toString(rtpPort));
            for (String variable : vars.keySet()) {
                if (!declared.contains(variable)) {
                    throw new IllegalArgumentException(name + (oocName == null ? "" : " / " + oocName)
                            + " declares no Global variable " + variable + " (declared: " + declared + ")");
                }
            }
            if (namespace != null && media == Media.ENDPOINT) {
                throw new IllegalStateException("the RTP endpoint cannot listen inside namespace " + namespace);
            }
            List<String> cmd = new ArrayList<>();
            if (namespace != null) cmd.addAll(List.of("ip", "netns", "exec", namespace));
            cmd.add(BINARY.toString());
            if (remoteHost != null) cmd.add(remoteHost + ":" + remotePort);
            // -sf and -oocsf first: -set only knows the variables of scenarios loaded before it
            cmd.addAll(List.of("-sf", dir.resolve(name).toString()));
            if (oocText != null) cmd.addAll(List.of("-oocsf", dir.resolve(oocName).toString()));
            cmd.addAll(List.of("-i", localAddress, "-bind_local", "-p", Integer.toString(sip),
                    "-mi", localAddress, "-mp", Integer.toString(mp), "-t", transport.sippMode));
            // over TCP sipp fails every call bound to a connection the far end closes, even a finished one
            if (transport == Transport.TCP) cmd.addAll(List.of("-reconnect_close", "false"));
            if (media == Media.SIPP_ECHO) cmd.add("-rtp_echo");
            cmd.addAll(List.of("-m", Integer.toString(calls), "-timeout", timeout.toSeconds() + "s", "-nostdin",
                    "-trace_stat", "-stf", dir.resolve(STATS_FILE).toString(), "-fd", "1",
                    "-trace_screen", "-screen_file", dir.resolve(SCREEN_FILE).toString(),
                    "-trace_msg", "-message_file", dir.resolve(MESSAGES_FILE).toString(),
                    "-trace_err", "-error_file", dir.resolve(ERRORS_FILE).toString(),
                    "-trace_logs", "-log_file", dir.resolve(LOGS_FILE).toString()));
            cmd.addAll(options);
            vars.forEach((variable, value) -> cmd.addAll(List.of("-set", variable, value)));
            cmd.addAll(extra);
            return cmd;
        }

        private Builder option(String flag, String value) {
            options.add(flag);
            options.add(value);
            return this;
        }
    }

    /** The names a scenario declares in {@code <Global variables="a,b"/>}. */
    static Set<String> globals(String scenario) {
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = GLOBALS.matcher(scenario);
        while (matcher.find()) {
            for (String variable : matcher.group(1).split(",")) {
                if (!variable.isBlank()) names.add(variable.trim());
            }
        }
        return names;
    }

    static String fixPcapPaths(String scenario) {
        return PCAP_REF.matcher(scenario).replaceAll("$1" + Matcher.quoteReplacement(PCAP_DIR + "/"));
    }
}

package io.callisto.gateway.sipp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a finished sipp run left: its exit code and the files it traced into its work directory (statistics
 * CSV, screen dumps, message log, error log, log actions, stdout). Everything is read from the files on
 * demand, so a result can also be taken from a process that is still running.
 *
 * <p>sipp's exit codes: 0 every call succeeded, 1 at least one failed, 97 stopped by an internal command
 * (or -timeout with no successful call), 99 no call processed, 255 fatal error, 254 a socket could not be
 * bound. {@link #isSuccess()} also requires the expected number of successful calls.
 */
public final class SippResult {

    private static final Pattern ECHO_PACKETS = Pattern.compile("(\\d+) Total echo RTP pckts 1st stream");
    private static final Pattern PCAP_PACKETS = Pattern.compile("(\\d+) Total RTP pckts sent");

    private final List<String> command;
    private final Path workDir;
    private final int exitCode;
    private final boolean timedOut;
    private final int expectedCalls;
    private final RtpEndpoint endpoint;

    SippResult(List<String> command, Path workDir, int exitCode, boolean timedOut, int expectedCalls, RtpEndpoint endpoint) {
        this.command = List.copyOf(command);
        this.workDir = workDir;
        this.exitCode = exitCode;
        this.timedOut = timedOut;
        this.expectedCalls = expectedCalls;
        this.endpoint = endpoint;
    }

    public List<String> command() {
        return command;
    }

    public Path workDir() {
        return workDir;
    }

    /** The run's Java RTP endpoint (closed once the process is), for {@link Sipp.Builder#run()}. */
    public RtpEndpoint rtp() {
        if (endpoint == null) throw new IllegalStateException("started without rtpEndpoint(...)");
        return endpoint;
    }

    /** sipp's exit code; -1 when the harness had to kill it. */
    public int exitCode() {
        return exitCode;
    }

    /** Whether the harness's deadline passed and the process was killed. */
    public boolean timedOut() {
        return timedOut;
    }

    /** Exit code 0, not killed, no failed call, and at least as many successful calls as -m asked for. */
    public boolean isSuccess() {
        return !timedOut && exitCode == 0 && failedCalls() == 0 && successfulCalls() >= expectedCalls;
    }

    /** SuccessfulCall(C) from the last statistics row, 0 if there is none. */
    public long successfulCalls() {
        return stat("SuccessfulCall(C)").orElse(0);
    }

    /** FailedCall(C) from the last statistics row, 0 if there is none. */
    public long failedCalls() {
        return stat("FailedCall(C)").orElse(0);
    }

    /** A numeric column of the last statistics row (e.g. "FailedTimeoutOnRecv(C)", "Retransmissions(C)"). */
    public OptionalLong stat(String column) {
        String value = lastStats().get(column);
        if (value == null || !value.trim().matches("-?\\d+")) return OptionalLong.empty();
        return OptionalLong.of(Long.parseLong(value.trim()));
    }

    /** The last row of the -trace_stat CSV by column name (empty when sipp wrote none). */
    public Map<String, String> lastStats() {
        List<String> lines = read(Sipp.STATS_FILE).lines().filter(line -> !line.isBlank()).toList();
        Map<String, String> row = new LinkedHashMap<>();
        if (lines.size() < 2) return row;
        String[] names = lines.getFirst().split(";", -1);
        String[] values = lines.getLast().split(";", -1);
        for (int i = 0; i < names.length && i < values.length; i++) row.put(names[i], values[i]);
        return row;
    }

    /** Every SIP message sipp sent or received (-trace_msg), in order. */
    public List<SipMessage> messages() {
        return SipMessage.parseLog(read(Sipp.MESSAGES_FILE));
    }

    public List<SipMessage> received() {
        return messages().stream().filter(SipMessage::received).toList();
    }

    public List<SipMessage> sent() {
        return messages().stream().filter(SipMessage::sent).toList();
    }

    /** The received requests with this method. */
    public List<SipMessage> receivedRequests(String method) {
        return received().stream().filter(m -> m.method().equals(method)).toList();
    }

    /** The received responses with this status code. */
    public List<SipMessage> receivedResponses(int statusCode) {
        return received().stream().filter(m -> m.statusCode() == statusCode).toList();
    }

    /** The screens sipp dumped (-trace_screen: on exit and on every SIGUSR2). */
    public String screen() {
        return read(Sipp.SCREEN_FILE);
    }

    /** Unexpected messages and warnings (-trace_err). */
    public String errors() {
        return read(Sipp.ERRORS_FILE);
    }

    /** Output of the scenarios' log actions (-trace_logs). */
    public String logs() {
        return read(Sipp.LOGS_FILE);
    }

    public String stdout() {
        return read(Sipp.STDOUT_FILE);
    }

    /**
     * RTP packets sipp's -rtp_echo received on -mp and echoed, as shown in the last screen dump that had the
     * counter; -1 if none had it.
     * sipp prints RTP counters only in dumps taken while it runs, not in the one on exit, which is why
     * the scenarios signal themselves SIGUSR2 when the call ends ({@link SippProcess#dumpScreens()}).
     */
    public long rtpEchoPackets() {
        return lastCounter(ECHO_PACKETS);
    }

    /** RTP packets sipp's pcap play sent, from the last screen dump that had the counter; -1 if none had. */
    public long rtpPcapPacketsSent() {
        return lastCounter(PCAP_PACKETS);
    }

    /** A multi-line summary for assertion messages: command, exit, counts, errors and the message flow. */
    public String describe() {
        String flow = messages().stream().map(SipMessage::toString).collect(Collectors.joining("\n    "));
        String errors = errors().strip();
        if (errors.length() > 3000) errors = "..." + errors.substring(errors.length() - 3000);
        return "sipp " + String.join(" ", command.subList(1, command.size()))
                + "\n  work dir: " + workDir
                + "\n  exit code " + exitCode + (timedOut ? " (killed at the deadline)" : "")
                + ", successful calls " + successfulCalls() + ", failed calls " + failedCalls()
                + ", expected " + expectedCalls
                + "\n  messages:\n    " + flow
                + (errors.isEmpty() ? "" : "\n  errors:\n" + errors)
                + "\n";
    }

    @Override
    public String toString() {
        return "SippResult[exit=" + exitCode + ", timedOut=" + timedOut + ", successful=" + successfulCalls()
                + ", failed=" + failedCalls() + ", dir=" + workDir + "]";
    }

    private long lastCounter(Pattern pattern) {
        Matcher matcher = pattern.matcher(screen());
        long value = -1;
        while (matcher.find()) value = Long.parseLong(matcher.group(1));
        return value;
    }

    private String read(String file) {
        Path path = workDir.resolve(file);
        try {
            return Files.exists(path) ? Files.readString(path, StandardCharsets.ISO_8859_1) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.callisto.gateway.sipp;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;

/**
 * An {@link RtpEndpoint} sink as a process of its own, for a carrier sipp runs inside a test's network namespace
 * (where this JVM's sockets cannot be): {@code ip netns exec <ns> java -cp <test classpath> ...RtpSinkMain <address>
 * <port>}. It prints {@code READY} once bound; each line {@code report} on its input is answered with
 * {@code REPORT <packets> <digits>} (digits {@code -} when none); it exits when its input closes.
 */
public final class RtpSinkMain {
    private RtpSinkMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: RtpSinkMain <address> <port>");
        }
        try (RtpEndpoint sink = RtpEndpoint.open(InetAddress.getByName(args[0]), Integer.parseInt(args[1]),
                RtpEndpoint.Mode.SINK);
             BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            // standard output is this process's answer channel (not a log)
            java.io.PrintWriter answers = new java.io.PrintWriter(new java.io.OutputStreamWriter(
                    new java.io.FileOutputStream(java.io.FileDescriptor.out), StandardCharsets.UTF_8), true);
            answers.println("READY");
            String line;
            while ((line = in.readLine()) != null) {
                if ("report".equals(line.trim())) {
                    String digits = sink.digits();
                    answers.println("REPORT " + sink.packets() + " " + (digits.isEmpty() ? "-" : digits));
                }
            }
        }
    }
}

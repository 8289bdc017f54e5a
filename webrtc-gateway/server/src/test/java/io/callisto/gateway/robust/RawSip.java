package io.callisto.gateway.robust;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Raw SIP over UDP and TCP to the gateway on 127.0.0.1, for messages no SIP stack would send. A message is text
 * with placeholders the transport fills in: {@code {transport}} (UDP or TCP), {@code {port}} (our local port) and
 * {@code {branch}} (fresh per send). Text is sent as ISO-8859-1, so any byte 0-255 can be written as a char.
 * What comes back is read as a list of responses (status line and the whole message).
 */
final class RawSip {
    static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final Pattern STATUS = Pattern.compile("(?m)^SIP/2\\.0 (\\d{3})[^\r\n]*");
    private static final Duration QUIET = Duration.ofMillis(1200);

    private RawSip() {
    }

    /** What the gateway sent back for one message. */
    record Reply(List<String> responses, boolean closedByPeer, String note, long millis) {
        List<Integer> statuses() {
            List<Integer> codes = new ArrayList<>();
            for (String r : responses) {
                Matcher m = STATUS.matcher(r);
                if (m.find()) codes.add(Integer.parseInt(m.group(1)));
            }
            return codes;
        }

        Optional<Integer> finalStatus() {
            return statuses().stream().filter(s -> s >= 200).findFirst();
        }

        boolean silent() {
            return responses.isEmpty();
        }

        /** "400 Bad Request", "100 Trying, 404 Not Found", "(silent)", plus ", closed" when the peer closed TCP. */
        String describe() {
            List<String> lines = new ArrayList<>();
            for (String r : responses) {
                Matcher m = STATUS.matcher(r);
                lines.add(m.find() ? m.group().substring("SIP/2.0 ".length()) : "?" + r.lines().findFirst().orElse(""));
            }
            String text = lines.isEmpty() ? "(silent)" : String.join(", ", lines);
            if (closedByPeer) text += "; connection closed by the gateway";
            if (!note.isEmpty()) text += "; " + note;
            if (silent() && !closedByPeer) return text;
            return text + " (after " + (millis < 1000 ? millis + " ms" : millis / 1000 + " s") + ")";
        }
    }

    /** Fills in the placeholders; {@code {len}} becomes the byte length of what follows the first blank line. */
    static byte[] render(String template, String transport, int localPort) {
        String text = template.replace("{transport}", transport).replace("{port}", Integer.toString(localPort))
                .replace("{branch}", Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE));
        if (text.contains("{len}")) {
            int blank = text.indexOf("\r\n\r\n");
            int length = blank < 0 ? 0 : text.length() - blank - 4;
            text = text.replace("{len}", Integer.toString(length));
        }
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Sends one datagram from a fresh socket and collects responses until a final one (or quiet). */
    static Reply udp(int port, String template) {
        return udp(port, template, QUIET);
    }

    static Reply udp(int port, String template, Duration quiet) {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0))) {
            byte[] out = render(template, "UDP", socket.getLocalPort());
            long started = System.nanoTime();
            long last = started;
            socket.send(new DatagramPacket(out, out.length, LOOPBACK, port));
            List<String> responses = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            byte[] in = new byte[65_535];
            while (System.nanoTime() < deadline) {
                socket.setSoTimeout((int) (responses.isEmpty() ? quiet.toMillis() : quiet.toMillis() * 3));
                DatagramPacket packet = new DatagramPacket(in, in.length);
                try {
                    socket.receive(packet);
                } catch (SocketTimeoutException e) {
                    break;
                }
                String response = new String(in, 0, packet.getLength(), StandardCharsets.ISO_8859_1);
                responses.add(response);
                last = System.nanoTime();
                if (isFinal(response) && !response.contains(" BYE\r\n")) {
                    List<byte[]> answer = acknowledge(new String(out, StandardCharsets.ISO_8859_1), response);
                    answer.forEach(message -> send(socket, message, port));
                    if (answer.size() < 2) break; // else read on: the BYE's answer
                }
            }
            return new Reply(responses, false, "", (last - started) / 1_000_000);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void send(DatagramSocket socket, byte[] data, int port) {
        try {
            socket.send(new DatagramPacket(data, data.length, LOOPBACK, port));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends the message on a fresh connection and reads responses until a final one, the peer's close, or quiet. */
    static Reply tcp(int port, String template) {
        return tcp(port, template, QUIET, Duration.ofSeconds(10));
    }

    /**
     * Like {@link #tcp(int, String)}, reading for at most {@code total}: a message left incomplete waits for the
     * gateway's read timeout to close the connection.
     */
    static Reply tcp(int port, String template, Duration quiet, Duration total) {
        return tcp(port, template, quiet, total, false);
    }

    /**
     * Like {@link #tcp(int, String, Duration, Duration)}; with {@code untilClosed} a final response does not end the
     * reading: it goes on until the gateway closes the connection (or {@code quiet} passes), for messages after which
     * the connection must be closed whatever was answered.
     */
    static Reply tcp(int port, String template, Duration quiet, Duration total, boolean untilClosed) {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(LOOPBACK, 0));
            socket.connect(new InetSocketAddress(LOOPBACK, port), 5_000);
            byte[] out = render(template, "TCP", socket.getLocalPort());
            AtomicReference<String> writeError = new AtomicReference<>("");
            Thread writer = Thread.ofVirtual().start(() -> {
                try {
                    OutputStream stream = socket.getOutputStream();
                    for (int offset = 0; offset < out.length; offset += 16_384) {
                        stream.write(out, offset, Math.min(16_384, out.length - offset));
                    }
                    stream.flush();
                } catch (IOException e) {
                    writeError.set("write failed after the gateway closed: " + e.getMessage());
                }
            });
            Reply reply = readTcp(socket, out, quiet, total, untilClosed);
            writer.join(Duration.ofSeconds(5));
            return new Reply(reply.responses(), reply.closedByPeer(), writeError.get(), reply.millis());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Reply readTcp(Socket socket, byte[] sent, Duration quiet, Duration total, boolean untilClosed)
            throws IOException {
        InputStream in = socket.getInputStream();
        StringBuilder stream = new StringBuilder();
        List<String> responses = new ArrayList<>();
        boolean closed = false;
        long started = System.nanoTime();
        long last = started;
        long deadline = started + total.toNanos();
        byte[] buffer = new byte[8192];
        while (System.nanoTime() < deadline) {
            long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
            socket.setSoTimeout((int) Math.min(left, quiet.toMillis()));
            int n;
            try {
                n = in.read(buffer);
            } catch (SocketTimeoutException e) {
                break;
            } catch (IOException e) {
                closed = true; // reset by the gateway
                last = System.nanoTime();
                break;
            }
            last = System.nanoTime();
            if (n < 0) {
                closed = true;
                break;
            }
            stream.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
            boolean done = false;
            for (String message = nextMessage(stream); message != null; message = nextMessage(stream)) {
                if (message.isBlank()) continue; // a keep-alive CRLF
                responses.add(message);
                if (isFinal(message) && !message.contains(" BYE\r\n")) {
                    List<byte[]> answer = acknowledge(new String(sent, StandardCharsets.ISO_8859_1), message);
                    answer.forEach(m -> writeQuietly(socket, m));
                    done = answer.size() < 2; // else read on: the BYE's answer, so that the BYE is not lost at close
                }
            }
            if (done && !untilClosed) break;
        }
        if (!stream.isEmpty() && !stream.toString().isBlank()) responses.add(stream.toString());
        return new Reply(responses, closed, "", (last - started) / 1_000_000);
    }

    private static void writeQuietly(Socket socket, byte[] data) {
        try {
            socket.getOutputStream().write(data);
        } catch (IOException ignored) {
            // the ACK is a courtesy: the gateway stops retransmitting
        }
    }

    /** Takes one whole message (headers and Content-Length bytes) off the front of the stream, or null. */
    private static String nextMessage(StringBuilder stream) {
        int start = 0;
        while (start < stream.length() && (stream.charAt(start) == '\r' || stream.charAt(start) == '\n')) start++;
        if (start > 0) {
            stream.delete(0, start);
            return stream.isEmpty() ? null : nextMessage(stream);
        }
        int end = stream.indexOf("\r\n\r\n");
        if (end < 0) return null;
        Matcher length = Pattern.compile("(?im)^(?:Content-Length|l)\\s*:\\s*(\\d+)").matcher(stream.substring(0, end));
        int body = length.find() ? Integer.parseInt(length.group(1)) : 0;
        int total = end + 4 + body;
        if (stream.length() < total) return null;
        String message = stream.substring(0, total);
        stream.delete(0, total);
        return message;
    }

    static boolean isFinal(String response) {
        Matcher m = STATUS.matcher(response);
        return m.find() && m.start() == 0 && Integer.parseInt(m.group(1)) >= 200;
    }

    /**
     * The ACK for a final response to an INVITE we sent, when both are well-formed enough to build one; after a 2xx
     * (a call the gateway should have refused) also a BYE, so that nothing stays behind.
     */
    static List<byte[]> acknowledge(String request, String response) {
        if (!request.startsWith("INVITE ") || !response.contains(" INVITE")) return List.of();
        String requestUri = request.substring(7, Math.max(7, request.indexOf(" SIP/2.0")));
        Optional<String> via = header(request, "Via");
        Optional<String> from = header(request, "From");
        Optional<String> callId = header(request, "Call-ID");
        Optional<String> to = header(response, "To");
        Optional<String> cseq = header(response, "CSeq");
        if (requestUri.isBlank() || via.isEmpty() || from.isEmpty() || callId.isEmpty() || to.isEmpty() || cseq.isEmpty()
                || !cseq.get().trim().matches("\\d{1,9}\\s+INVITE")) {
            return List.of();
        }
        long number = Long.parseLong(cseq.get().trim().split("\\s+")[0]);
        String common = "\r\nMax-Forwards: 70\r\nFrom: " + from.get() + "\r\nTo: " + to.get() + "\r\nCall-ID: " + callId.get();
        List<byte[]> messages = new ArrayList<>();
        messages.add(("ACK " + requestUri + " SIP/2.0\r\nVia: " + via.get() + common + "\r\nCSeq: " + number
                + " ACK\r\nContent-Length: 0\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        Optional<String> contact = header(response, "Contact");
        if (response.startsWith("SIP/2.0 2") && contact.isPresent()) {
            String target = contact.get().replaceAll("^.*<([^>]*)>.*$", "$1");
            messages.add(("BYE " + target + " SIP/2.0\r\nVia: " + via.get().replaceFirst("branch=z9hG4bK", "branch=z9hG4bKbye")
                    + common + "\r\nCSeq: " + (number + 1) + " BYE\r\nContent-Length: 0\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
        }
        return messages;
    }

    /** A header's first value in a message's text (before the blank line). */
    static Optional<String> header(String message, String name) {
        int end = message.indexOf("\r\n\r\n");
        String head = end < 0 ? message : message.substring(0, end);
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                return Optional.of(line.substring(colon + 1).trim());
            }
        }
        return Optional.empty();
    }
}

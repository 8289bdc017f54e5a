package io.callisto.gateway.call;

import io.callisto.gateway.sip.auth.DigestClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An agent's SIP phone scripted step by step over UDP, for what one sipp scenario cannot do: two dialogs at once (the
 * customer's call and a consultation with a colleague, then a REFER with Replaces). It registers with digest, answers
 * the gateway's INVITE, calls a colleague (answering the 407), sends and counts RTP on each call, and answers the
 * gateway's NOTIFYs and BYEs itself so that nothing is retransmitted at it.
 */
final class ScriptedPhone implements AutoCloseable {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final Pattern M_LINE = Pattern.compile("(?m)^m=audio (\\d+) RTP/AVP ([0-9 ]+)");
    private final DatagramSocket socket;
    private final int gatewayPort;
    private final String user;
    private final String domain;
    private final String password;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final List<RtpTalker> talkers = new CopyOnWriteArrayList<>();
    private final AtomicInteger branches = new AtomicInteger();
    private final Thread reader;

    /** One dialog as the phone sees it: what it needs to send requests in it. */
    record Dialog(String callId, String localTag, String remoteTag, String localUri, String remoteUri, String target,
                  RtpTalker rtp) {
    }

    private ScriptedPhone(int gatewayPort, String user, String domain, String password) throws SocketException {
        this.socket = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0));
        this.gatewayPort = gatewayPort;
        this.user = user;
        this.domain = domain;
        this.password = password;
        this.reader = Thread.ofVirtual().start(this::read);
    }

    static ScriptedPhone start(int gatewayPort, String user, String domain, String password) throws SocketException {
        return new ScriptedPhone(gatewayPort, user, domain, password);
    }

    private String contact() {
        return "<sip:" + user + "@127.0.0.1:" + socket.getLocalPort() + ">";
    }

    private String via() {
        return "SIP/2.0/UDP 127.0.0.1:" + socket.getLocalPort() + ";branch=z9hG4bK" + user + branches.incrementAndGet()
                + "x" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffL);
    }

    // ---- the script -------------------------------------------------------------------------------

    /** REGISTER, answering the digest challenge; true when the registrar says 200. */
    boolean register() {
        String callId = "reg-" + user + "-" + socket.getLocalPort();
        String aor = "sip:" + user + "@" + domain;
        String first = request("REGISTER", "sip:" + domain, via(), "<" + aor + ">;tag=r1", "<" + aor + ">", callId,
                "1 REGISTER", List.of("Contact: " + contact(), "Expires: 300"), null);
        send(first);
        String challenge = awaitResponse(callId, "REGISTER", 1, Duration.ofSeconds(10));
        List<String> challenges = headers(challenge, "WWW-Authenticate");
        String authorization = new DigestClient().authorize(challenges, user, password, "REGISTER", "sip:" + domain);
        send(request("REGISTER", "sip:" + domain, via(), "<" + aor + ">;tag=r1", "<" + aor + ">", callId, "2 REGISTER",
                List.of("Contact: " + contact(), "Expires: 300", "Authorization: " + authorization), null));
        return status(awaitResponse(callId, "REGISTER", 2, Duration.ofSeconds(10))) == 200;
    }

    /** Waits for the gateway's INVITE, rings, answers with an SDP of its own, and starts talking on it. */
    Dialog answerIncoming(Duration timeout) throws SocketException {
        String invite = await(m -> m.startsWith("INVITE "), timeout).orElseThrow(() -> new AssertionError("no INVITE"));
        String callId = header(invite, "Call-ID").orElseThrow();
        Matcher offer = M_LINE.matcher(invite);
        if (!offer.find()) {
            throw new AssertionError("INVITE without an audio offer: " + invite);
        }
        int payloadType = Integer.parseInt(offer.group(2).trim().split(" ")[0]);
        RtpTalker rtp = new RtpTalker(Integer.parseInt(offer.group(1)), payloadType);
        talkers.add(rtp);
        String localTag = "a" + Long.toHexString(ThreadLocalRandom.current().nextLong());
        String to = header(invite, "To").orElseThrow() + ";tag=" + localTag;
        for (String status : List.of("180 Ringing", "200 OK")) {
            boolean ok = status.startsWith("200");
            send(response(invite, status, to, ok ? List.of("Contact: " + contact(), "Content-Type: application/sdp")
                    : List.of("Contact: " + contact()), ok ? sdp(rtp.port(), payloadType) : null));
        }
        await(m -> m.startsWith("ACK ") && callId.equals(header(m, "Call-ID").orElse(null)), Duration.ofSeconds(10))
                .orElseThrow(() -> new AssertionError("no ACK for the 200"));
        String from = header(invite, "From").orElseThrow();
        return new Dialog(callId, localTag, tagOf(from), to, from, uriOf(header(invite, "Contact").orElseThrow()), rtp);
    }

    /** Calls a colleague by SIP username (answering the gateway's 407); the dialog once answered. */
    Dialog call(String colleague, Duration timeout) throws SocketException {
        RtpTalker rtp = new RtpTalker(0, 0);
        talkers.add(rtp);
        String callId = "consult-" + user + "-" + ThreadLocalRandom.current().nextLong(1_000_000);
        String uri = "sip:" + colleague + "@" + domain;
        String localTag = "c" + Long.toHexString(ThreadLocalRandom.current().nextLong());
        String from = "<sip:" + user + "@" + domain + ">;tag=" + localTag;
        String via = via();
        send(request("INVITE", uri, via, from, "<" + uri + ">", callId, "1 INVITE", List.of("Contact: " + contact(),
                "Content-Type: application/sdp"), sdp(rtp.port(), 0)));
        String challenge = awaitResponse(callId, "INVITE", 1, timeout);
        if (status(challenge) != 407) {
            throw new AssertionError("expected 407 to a colleague's call, got " + challenge);
        }
        send(request("ACK", uri, via, from, header(challenge, "To").orElseThrow(), callId, "1 ACK", List.of(), null));
        String authorization = new DigestClient().authorize(headers(challenge, "Proxy-Authenticate"), user, password,
                "INVITE", uri);
        send(request("INVITE", uri, via(), from, "<" + uri + ">", callId, "2 INVITE", List.of("Contact: " + contact(),
                "Proxy-Authorization: " + authorization, "Content-Type: application/sdp"), sdp(rtp.port(), 0)));
        String answer = awaitResponse(callId, "INVITE", 2, timeout);
        if (status(answer) != 200) {
            throw new AssertionError("the colleague's call failed: " + answer);
        }
        String to = header(answer, "To").orElseThrow();
        String target = uriOf(header(answer, "Contact").orElseThrow());
        send(request("ACK", target, via(), from, to, callId, "2 ACK", List.of(), null));
        Matcher media = M_LINE.matcher(answer);
        if (!media.find()) {
            throw new AssertionError("answer without audio: " + answer);
        }
        rtp.talkTo(Integer.parseInt(media.group(1)));
        return new Dialog(callId, localTag, tagOf(to), from, to, target, rtp);
    }

    /** REFER in {@code dialog} to the colleague of {@code consultation}, replacing it (attended); the response's status. */
    int referReplacing(Dialog dialog, String colleague, Dialog consultation) {
        String replaces = consultation.callId() + ";to-tag=" + consultation.remoteTag() + ";from-tag="
                + consultation.localTag();
        String referTo = "<sip:" + colleague + "@" + domain + "?Replaces="
                + java.net.URLEncoder.encode(replaces, StandardCharsets.UTF_8) + ">";
        send(request("REFER", dialog.target(), via(), dialog.localUri(), dialog.remoteUri(), dialog.callId(), "101 REFER",
                List.of("Contact: " + contact(), "Refer-To: " + referTo, "Referred-By: <sip:" + user + "@" + domain + ">"),
                null));
        return status(awaitResponse(dialog.callId(), "REFER", 101, Duration.ofSeconds(10)));
    }

    /** A request the gateway sent in the dialog (already answered 200 by the phone), waiting for it if need be. */
    Optional<String> awaitRequest(String method, String callId, Duration timeout) {
        return await(m -> m.startsWith(method + " ") && callId.equals(header(m, "Call-ID").orElse(null)), timeout);
    }

    // ---- messages ---------------------------------------------------------------------------------

    private String request(String method, String uri, String via, String from, String to, String callId, String cseq,
                           List<String> extra, String body) {
        StringBuilder m = new StringBuilder(method + " " + uri + " SIP/2.0\r\nVia: " + via + "\r\nMax-Forwards: 70\r\nFrom: "
                + from + "\r\nTo: " + to + "\r\nCall-ID: " + callId + "\r\nCSeq: " + cseq + "\r\n");
        extra.forEach(h -> m.append(h).append("\r\n"));
        return withBody(m, body);
    }

    private static String response(String request, String status, String to, List<String> extra, String body) {
        StringBuilder m = new StringBuilder("SIP/2.0 " + status + "\r\n");
        for (String via : headers(request, "Via")) {
            m.append("Via: ").append(via).append("\r\n");
        }
        m.append("From: ").append(header(request, "From").orElseThrow()).append("\r\nTo: ").append(to)
                .append("\r\nCall-ID: ").append(header(request, "Call-ID").orElseThrow()).append("\r\nCSeq: ")
                .append(header(request, "CSeq").orElseThrow()).append("\r\n");
        extra.forEach(h -> m.append(h).append("\r\n"));
        return withBody(m, body);
    }

    private static String withBody(StringBuilder m, String body) {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        m.append("Content-Length: ").append(bytes.length).append("\r\n\r\n");
        if (body != null) {
            m.append(body);
        }
        return m.toString();
    }

    private static String sdp(int port, int payloadType) {
        return "v=0\r\no=phone 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio " + port
                + " RTP/AVP " + payloadType + " 101\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:8 PCMA/8000\r\n"
                + "a=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-16\r\na=ptime:20\r\na=sendrecv\r\n";
    }

    private void send(String message) {
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        try {
            socket.send(new DatagramPacket(bytes, bytes.length, LOOPBACK, gatewayPort));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void read() {
        byte[] buffer = new byte[65_535];
        while (!socket.isClosed()) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
            } catch (IOException e) {
                return;
            }
            String message = new String(buffer, 0, packet.getLength(), StandardCharsets.UTF_8);
            received.add(message);
            if (message.startsWith("NOTIFY ") || message.startsWith("BYE ") || message.startsWith("OPTIONS ")) {
                send(response(message, "200 OK", header(message, "To").orElse(""), List.of(), null));
            }
        }
    }

    private Optional<String> await(Predicate<String> wanted, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (String m : received) {
                if (wanted.test(m)) {
                    return Optional.of(m);
                }
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The final response to the request with this Call-ID and CSeq. */
    private String awaitResponse(String callId, String method, long cseq, Duration timeout) {
        return await(m -> m.startsWith("SIP/2.0 ") && status(m) >= 200 && callId.equals(header(m, "Call-ID").orElse(null))
                && (cseq + " " + method).equals(header(m, "CSeq").orElse("").trim()), timeout)
                .orElseThrow(() -> new AssertionError("no final response to " + method + " " + cseq + " of " + callId
                        + "; got " + received));
    }

    private static int status(String response) {
        return Integer.parseInt(response.substring(8, 11));
    }

    static Optional<String> header(String message, String name) {
        List<String> all = headers(message, name);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.getFirst());
    }

    static List<String> headers(String message, String name) {
        int end = message.indexOf("\r\n\r\n");
        List<String> values = new ArrayList<>();
        for (String line : (end < 0 ? message : message.substring(0, end)).split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                values.add(line.substring(colon + 1).trim());
            }
        }
        return values;
    }

    private static String tagOf(String nameAddr) {
        Matcher m = Pattern.compile(";\\s*tag=([^;\\s>]+)").matcher(nameAddr);
        return m.find() ? m.group(1) : null;
    }

    private static String uriOf(String nameAddr) {
        return nameAddr.replaceAll("^.*<([^>]*)>.*$", "$1");
    }

    @Override
    public void close() {
        talkers.forEach(RtpTalker::close);
        socket.close();
        try {
            reader.join(Duration.ofSeconds(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** RTP of one call: 20 ms of silence every 20 ms to the far end's port, and a count of what comes back. */
    static final class RtpTalker implements AutoCloseable {
        private final DatagramSocket rtp;
        private final AtomicLong received = new AtomicLong();
        private volatile int remotePort;
        private final int payloadType;
        private final Thread sender;
        private final Thread listener;

        RtpTalker(int remotePort, int payloadType) throws SocketException {
            this.rtp = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0));
            this.remotePort = remotePort;
            this.payloadType = payloadType;
            this.sender = Thread.ofVirtual().start(this::talk);
            this.listener = Thread.ofVirtual().start(this::listen);
        }

        int port() {
            return rtp.getLocalPort();
        }

        void talkTo(int port) {
            remotePort = port;
        }

        long received() {
            return received.get();
        }

        private void talk() {
            byte[] packet = new byte[12 + 160];
            int ssrc = ThreadLocalRandom.current().nextInt();
            java.util.Arrays.fill(packet, 12, packet.length, (byte) (payloadType == 8 ? 0xD5 : 0xFF));
            for (int seq = 0; !rtp.isClosed(); seq++) {
                packet[0] = (byte) 0x80;
                packet[1] = (byte) payloadType;
                packet[2] = (byte) (seq >> 8);
                packet[3] = (byte) seq;
                int ts = seq * 160;
                packet[4] = (byte) (ts >> 24);
                packet[5] = (byte) (ts >> 16);
                packet[6] = (byte) (ts >> 8);
                packet[7] = (byte) ts;
                packet[8] = (byte) (ssrc >> 24);
                packet[9] = (byte) (ssrc >> 16);
                packet[10] = (byte) (ssrc >> 8);
                packet[11] = (byte) ssrc;
                try {
                    if (remotePort > 0) {
                        rtp.send(new DatagramPacket(packet, packet.length, LOOPBACK, remotePort));
                    }
                    Thread.sleep(20);
                } catch (IOException | InterruptedException e) {
                    return;
                }
            }
        }

        private void listen() {
            byte[] buffer = new byte[2048];
            while (!rtp.isClosed()) {
                try {
                    rtp.receive(new DatagramPacket(buffer, buffer.length));
                    received.incrementAndGet();
                } catch (SocketTimeoutException e) {
                    continue;
                } catch (IOException e) {
                    return;
                }
            }
        }

        @Override
        public void close() {
            rtp.close();
            sender.interrupt();
            listener.interrupt();
        }
    }
}

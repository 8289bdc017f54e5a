package io.callisto.gateway.sip.stack;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A TCP listener whose connections close themselves when silent: {@code firstByteMillis} for a new connection to
 * send anything, then {@code idleMillis} between reads (the stack's reader sees a timeout as a broken connection and
 * closes it). One address may hold at most {@code perAddress} connections; beyond that a new one is closed at once.
 */
final class GuardedServerSocket extends ServerSocket {
    private static final System.Logger LOG = System.getLogger(GuardedServerSocket.class.getName());
    private final int firstByteMillis;
    private final int idleMillis;
    private final int perAddress;
    private final ConcurrentHashMap<InetAddress, Integer> open = new ConcurrentHashMap<>();

    GuardedServerSocket(int port, int backlog, InetAddress bindAddress, int firstByteMillis, int idleMillis,
                        int perAddress) throws IOException {
        super(port, backlog, bindAddress);
        this.firstByteMillis = firstByteMillis;
        this.idleMillis = idleMillis;
        this.perAddress = perAddress;
    }

    @Override
    public Socket accept() throws IOException {
        while (true) {
            GuardedSocket socket = new GuardedSocket();
            implAccept(socket);
            InetAddress peer = socket.getInetAddress();
            if (open.merge(peer, 1, Integer::sum) > perAddress) {
                release(peer);
                LOG.log(System.Logger.Level.DEBUG, "TCP connection from {0} refused: {1} open already", peer, perAddress);
                closeQuietly(socket);
                continue;
            }
            socket.track(peer);
            socket.setSoTimeout(firstByteMillis);
            return socket;
        }
    }

    private void release(InetAddress peer) {
        open.computeIfPresent(peer, (k, n) -> n <= 1 ? null : n - 1);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "closing a refused connection failed", e);
        }
    }

    /** A socket that switches from the first-byte timeout to the idle timeout once data arrives. */
    private final class GuardedSocket extends Socket {
        private final AtomicBoolean closed = new AtomicBoolean();
        private volatile InetAddress tracked;
        private volatile boolean heard;
        private InputStream in;

        void track(InetAddress peer) {
            tracked = peer;
        }

        @Override
        public synchronized InputStream getInputStream() throws IOException {
            if (in == null) {
                in = new FilterInputStream(super.getInputStream()) {
                    @Override
                    public int read() throws IOException {
                        int b = super.read();
                        heardFrom(b >= 0 ? 1 : 0);
                        return b;
                    }

                    @Override
                    public int read(byte[] b, int off, int len) throws IOException {
                        int n = super.read(b, off, len);
                        heardFrom(n);
                        return n;
                    }
                };
            }
            return in;
        }

        private void heardFrom(int bytes) throws IOException {
            if (bytes > 0 && !heard) {
                heard = true;
                setSoTimeout(idleMillis);
            }
        }

        @Override
        public void close() throws IOException {
            try {
                super.close();
            } finally {
                InetAddress peer = tracked;
                if (peer != null && closed.compareAndSet(false, true)) {
                    release(peer);
                }
            }
        }
    }
}

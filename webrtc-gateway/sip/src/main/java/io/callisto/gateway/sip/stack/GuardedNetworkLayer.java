package io.callisto.gateway.sip.stack;

import gov.nist.core.net.DefaultNetworkLayer;
import gov.nist.core.net.NetworkLayer;
import gov.nist.core.net.SslNetworkLayer;
import gov.nist.javax.sip.SipStackImpl;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Properties;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * The stack's sockets, with its plain TCP listener replaced by a {@link GuardedServerSocket}: the stack's blocking
 * TCP transport reads without a timeout, so a peer that connects and stays silent would hold a connection slot and a
 * thread for ever. Everything else is the stack's own network layer. The stack instantiates this class by name (the
 * {@code gov.nist.javax.sip.NETWORK_LAYER} property), so its limits travel in the stack's properties.
 */
public final class GuardedNetworkLayer implements NetworkLayer {
    static final String FIRST_BYTE = "io.callisto.sip.TCP_FIRST_BYTE_MILLIS";
    static final String IDLE = "io.callisto.sip.TCP_IDLE_MILLIS";
    static final String PER_ADDRESS = "io.callisto.sip.TCP_PER_ADDRESS";

    private NetworkLayer delegate = DefaultNetworkLayer.SINGLETON;
    private int firstByteMillis = SipStackConfig.TcpLimits.DEFAULT.firstByteMillis();
    private int idleMillis = SipStackConfig.TcpLimits.DEFAULT.idleMillis();
    private int perAddress = SipStackConfig.TcpLimits.DEFAULT.perAddress();

    /** Limits as stack properties, read back by {@link #setSipStack}. */
    static void describe(SipStackConfig.TcpLimits limits, Properties into) {
        into.setProperty("gov.nist.javax.sip.NETWORK_LAYER", GuardedNetworkLayer.class.getName());
        into.setProperty(FIRST_BYTE, Integer.toString(limits.firstByteMillis()));
        into.setProperty(IDLE, Integer.toString(limits.idleMillis()));
        into.setProperty(PER_ADDRESS, Integer.toString(limits.perAddress()));
    }

    @Override
    public void setSipStack(SipStackImpl stack) {
        Properties p = stack.getConfigurationProperties();
        firstByteMillis = Integer.parseInt(p.getProperty(FIRST_BYTE, Integer.toString(firstByteMillis)));
        idleMillis = Integer.parseInt(p.getProperty(IDLE, Integer.toString(idleMillis)));
        perAddress = Integer.parseInt(p.getProperty(PER_ADDRESS, Integer.toString(perAddress)));
        String keystore = p.getProperty("javax.net.ssl.keyStore");
        if (keystore != null) {
            // the stack builds this layer itself when no layer is named; naming ours replaces it, so build it here
            char[] password = p.getProperty("javax.net.ssl.keyStorePassword", "").toCharArray();
            String type = p.getProperty("javax.net.ssl.keyStoreType");
            try {
                delegate = new SslNetworkLayer(stack, keystore, keystore, password, password, type, type);
            } catch (IOException | java.security.GeneralSecurityException e) {
                throw new IllegalStateException("cannot read the SIP TLS keystore " + keystore + ": " + e.getMessage(), e);
            }
        }
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog, InetAddress bindAddress) throws IOException {
        return new GuardedServerSocket(port, backlog, bindAddress, firstByteMillis, idleMillis, perAddress);
    }

    @Override
    public SSLServerSocket createSSLServerSocket(int port, int backlog, InetAddress bindAddress) throws IOException {
        return delegate.createSSLServerSocket(port, backlog, bindAddress);
    }

    @Override
    public Socket createSocket(InetAddress address, int port) throws IOException {
        return delegate.createSocket(address, port);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress) throws IOException {
        return delegate.createSocket(address, port, localAddress);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return delegate.createSocket(address, port, localAddress, localPort);
    }

    @Override
    public SSLSocket createSSLSocket(InetAddress address, int port) throws IOException {
        return delegate.createSSLSocket(address, port);
    }

    @Override
    public SSLSocket createSSLSocket(InetAddress address, int port, InetAddress localAddress) throws IOException {
        return delegate.createSSLSocket(address, port, localAddress);
    }

    @Override
    public DatagramSocket createDatagramSocket() throws SocketException {
        return delegate.createDatagramSocket();
    }

    @Override
    public DatagramSocket createDatagramSocket(int port, InetAddress laddr) throws SocketException {
        return delegate.createDatagramSocket(port, laddr);
    }
}

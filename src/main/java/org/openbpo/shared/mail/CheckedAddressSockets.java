package org.openbpo.shared.mail;

import javax.net.SocketFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * Sockets to a client's mail server that go only to the addresses {@link PublicHosts} checked, never
 * to what the name answers when asked again. Jakarta Mail hands the socket the server's name; the
 * socket connects to the checked address instead, which carries that name, so TLS (from the first
 * byte or after STARTTLS) still sends it as SNI and Jakarta Mail still checks the certificate against it.
 */
public final class CheckedAddressSockets extends SocketFactory {

    private final String host;
    private final List<InetAddress> addresses;

    /**
     * Makes a Jakarta Mail session's connections for {@code protocol} ("imap", "imaps", "smtp", "smtps")
     * go only to the checked addresses, with no second try by the name.
     */
    public static Properties connectOnlyTo(PublicHosts.Checked checked, String protocol, Properties properties) {
        String prefix = "mail." + protocol + ".";
        // Under "imaps"/"smtps" Jakarta Mail takes the plain socket from the SSL key and wraps it in TLS for the host's name itself.
        properties.put(prefix + (protocol.equals("imaps") || protocol.equals("smtps") ? "ssl.socketFactory" : "socketFactory"), new CheckedAddressSockets(checked));
        // By default a socket factory that fails is retried without it, by the name: that second try must not happen.
        properties.setProperty(prefix + "socketFactory.fallback", "false");
        return properties;
    }

    public CheckedAddressSockets(PublicHosts.Checked checked) {
        if (checked.refusal().isPresent() || checked.addresses().isEmpty()) {
            throw new IllegalArgumentException("Only a host whose every address is public may be connected to: " + checked.host());
        }
        this.host = checked.host();
        this.addresses = checked.addresses().stream().map(this::named).toList();
    }

    private InetAddress named(InetAddress address) {
        try {
            return InetAddress.getByAddress(host, address.getAddress());
        } catch (IOException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    @Override
    public Socket createSocket() {
        return new CheckedSocket();
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        Socket socket = createSocket();
        socket.connect(InetSocketAddress.createUnresolved(host, port));
        return socket;
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        Socket socket = createSocket();
        socket.bind(new InetSocketAddress(localHost, localPort));
        socket.connect(InetSocketAddress.createUnresolved(host, port));
        return socket;
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return createSocket(host.getHostName(), port);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        return createSocket(address.getHostName(), port, localAddress, localPort);
    }

    private final class CheckedSocket extends Socket {

        @Override
        public void connect(SocketAddress endpoint, int timeout) throws IOException {
            if (!(endpoint instanceof InetSocketAddress asked)
                    || !asked.getHostString().toLowerCase(Locale.ROOT).equals(host.toLowerCase(Locale.ROOT))) {
                throw new IOException("Only " + host + " may be connected to here, not " + endpoint);
            }
            // One socket connects once: the first checked address; a multi-address name gets its others on the next fetch's check.
            super.connect(new InetSocketAddress(addresses.getFirst(), asked.getPort()), timeout);
        }
    }
}

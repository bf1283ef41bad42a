package org.openbpo.payables.mail;

import javax.net.SocketFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.util.List;
import java.util.Locale;

/**
 * Sockets to a client's mail server that go only to the addresses {@link PublicHosts} checked, never
 * to what the name answers when asked again. Jakarta Mail hands the socket the server's name; the
 * socket connects to the checked address instead, which carries that name, so TLS (from the first
 * byte or after STARTTLS) still sends it as SNI and Jakarta Mail still checks the certificate against it.
 */
final class CheckedAddressSockets extends SocketFactory {

    private final String host;
    private final List<InetAddress> addresses;

    CheckedAddressSockets(PublicHosts.Checked checked) {
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

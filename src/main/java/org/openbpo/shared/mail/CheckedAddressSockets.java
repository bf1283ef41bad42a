package org.openbpo.shared.mail;

import org.jspecify.annotations.Nullable;

import javax.net.SocketFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.SocketImpl;
import java.net.SocketOptions;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Sockets to a client's mail server that go only to the addresses {@link PublicHosts} checked, never
 * to what the name answers when asked again. Jakarta Mail hands the socket the server's name; the
 * socket connects to the checked addresses instead, each in turn until one answers, and they carry
 * that name, so TLS (from the first byte or after STARTTLS) still sends it as SNI and Jakarta Mail
 * still checks the certificate against it.
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
    public Socket createSocket() throws SocketException {
        return new CheckedSocket(new AddressesInTurn());
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

    private static final class CheckedSocket extends Socket {
        CheckedSocket(SocketImpl impl) throws SocketException {
            super(impl);
        }
    }

    /**
     * The workings of a {@link CheckedSocket}: asked to connect to the host's name, it tries each checked address
     * with a socket of its own (a socket that failed to connect is closed for good) and carries on over the first
     * that answers. Options set before then are kept and given to each try.
     */
    private final class AddressesInTurn extends SocketImpl {

        private final Map<Integer, Object> options = new HashMap<>();
        private @Nullable InetSocketAddress local;
        private @Nullable Socket socket;

        @Override
        protected void create(boolean stream) throws IOException {
            if (!stream) {
                throw new SocketException("A mail server is reached over a stream socket");
            }
        }

        @Override
        protected void connect(String host, int port) throws IOException {
            connect(InetSocketAddress.createUnresolved(host, port), 0);
        }

        @Override
        protected void connect(InetAddress address, int port) throws IOException {
            connect(new InetSocketAddress(address, port), 0);
        }

        @Override
        protected void connect(SocketAddress endpoint, int timeout) throws IOException {
            if (!(endpoint instanceof InetSocketAddress asked)
                    || !asked.getHostString().toLowerCase(Locale.ROOT).equals(host.toLowerCase(Locale.ROOT))) {
                throw new IOException("Only " + host + " may be connected to here, not " + endpoint);
            }
            IOException failed = null;
            for (InetAddress checked : addresses) {
                Socket attempt = new Socket();
                try {
                    for (Map.Entry<Integer, Object> option : options.entrySet()) {
                        set(attempt, option.getKey(), option.getValue());
                    }
                    if (local != null) {
                        attempt.bind(local);
                    }
                    attempt.connect(new InetSocketAddress(checked, asked.getPort()), timeout);
                    this.socket = attempt;
                    this.address = checked;
                    this.port = asked.getPort();
                    this.localport = attempt.getLocalPort();
                    return;
                } catch (IOException e) {
                    attempt.close();
                    if (failed == null) {
                        failed = e;
                    } else {
                        failed.addSuppressed(e);
                    }
                }
            }
            throw failed;
        }

        @Override
        protected void bind(InetAddress host, int port) {
            local = new InetSocketAddress(host, port);
        }

        @Override
        protected void listen(int backlog) throws IOException {
            throw new SocketException("Not a server socket");
        }

        @Override
        protected void accept(SocketImpl s) throws IOException {
            throw new SocketException("Not a server socket");
        }

        @Override
        protected InputStream getInputStream() throws IOException {
            return connected().getInputStream();
        }

        @Override
        protected OutputStream getOutputStream() throws IOException {
            return connected().getOutputStream();
        }

        @Override
        protected int available() throws IOException {
            return connected().getInputStream().available();
        }

        @Override
        protected void close() throws IOException {
            if (socket != null) {
                socket.close();
            }
        }

        @Override
        protected void shutdownInput() throws IOException {
            connected().shutdownInput();
        }

        @Override
        protected void shutdownOutput() throws IOException {
            connected().shutdownOutput();
        }

        @Override
        protected void sendUrgentData(int data) throws IOException {
            connected().sendUrgentData(data);
        }

        @Override
        public void setOption(int option, Object value) throws SocketException {
            if (socket != null) {
                set(socket, option, value);
            } else {
                options.put(option, value);
            }
        }

        @Override
        public @Nullable Object getOption(int option) throws SocketException {
            if (socket == null) {
                return option == SocketOptions.SO_BINDADDR && local != null ? local.getAddress() : options.get(option);
            }
            return switch (option) {
                case SocketOptions.SO_TIMEOUT -> socket.getSoTimeout();
                case SocketOptions.SO_BINDADDR -> socket.getLocalAddress();
                case SocketOptions.TCP_NODELAY -> socket.getTcpNoDelay();
                case SocketOptions.SO_KEEPALIVE -> socket.getKeepAlive();
                case SocketOptions.SO_LINGER -> socket.getSoLinger() < 0 ? Boolean.FALSE : socket.getSoLinger();
                case SocketOptions.SO_RCVBUF -> socket.getReceiveBufferSize();
                case SocketOptions.SO_SNDBUF -> socket.getSendBufferSize();
                case SocketOptions.SO_REUSEADDR -> socket.getReuseAddress();
                case SocketOptions.SO_OOBINLINE -> socket.getOOBInline();
                case SocketOptions.IP_TOS -> socket.getTrafficClass();
                default -> throw new SocketException("Option " + option + " is not supported");
            };
        }

        private Socket connected() throws SocketException {
            if (socket == null) {
                throw new SocketException("Socket is not connected");
            }
            return socket;
        }

        private static void set(Socket socket, int option, Object value) throws SocketException {
            switch (option) {
                case SocketOptions.SO_TIMEOUT -> socket.setSoTimeout((Integer) value);
                case SocketOptions.TCP_NODELAY -> socket.setTcpNoDelay((Boolean) value);
                case SocketOptions.SO_KEEPALIVE -> socket.setKeepAlive((Boolean) value);
                case SocketOptions.SO_LINGER -> socket.setSoLinger(value instanceof Integer, value instanceof Integer seconds ? seconds : 0);
                case SocketOptions.SO_RCVBUF -> socket.setReceiveBufferSize((Integer) value);
                case SocketOptions.SO_SNDBUF -> socket.setSendBufferSize((Integer) value);
                case SocketOptions.SO_REUSEADDR -> socket.setReuseAddress((Boolean) value);
                case SocketOptions.SO_OOBINLINE -> socket.setOOBInline((Boolean) value);
                case SocketOptions.IP_TOS -> socket.setTrafficClass((Integer) value);
                default -> throw new SocketException("Option " + option + " is not supported");
            }
        }
    }
}

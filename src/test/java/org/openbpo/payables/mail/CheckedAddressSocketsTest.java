package org.openbpo.payables.mail;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.MessagingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openbpo.payables.MailboxSecurity;
import org.openbpo.shared.mail.CheckedAddressSockets;
import org.openbpo.shared.mail.ImapFolderReader;
import org.openbpo.shared.mail.PublicHosts;

import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A client's mail server is reached at the very address that was checked to be public: a name that
 * answers a public address to the check and an internal one (DNS rebinding) to the connection never
 * gets OpenBPO into the provider's own network.
 */
class CheckedAddressSocketsTest {

    @RegisterExtension
    static GreenMailExtension mailServer = new GreenMailExtension(ServerSetupTest.IMAP.dynamicPort());

    /** Answers public first (to the check), internal ever after, as a rebinding name server would. */
    static final class Rebinding implements PublicHosts.Resolver {
        final List<String> asked = new ArrayList<>();

        @Override
        public InetAddress[] addresses(String host) throws UnknownHostException {
            asked.add(host);
            return new InetAddress[]{InetAddress.getByName(asked.size() == 1 ? "203.0.113.5" : "127.0.0.1")};
        }
    }

    @Test
    void aNameThatTurnsInternalAfterTheCheckIsNotConnectedTo() throws Exception {
        // "localhost" stands for the attacker's name: the check's lookup is told 203.0.113.5 (public), while any
        // later lookup by the system finds 127.0.0.1, where something of the provider's listens.
        try (ServerSocket internal = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Rebinding resolver = new Rebinding();
            PublicHosts.Checked checked = PublicHosts.check("localhost", resolver);
            assertThat(checked.refusal()).isEmpty();

            ApMailAccount account = new ApMailAccount("localhost", internal.getLocalPort(), MailboxSecurity.NONE, "ap", "secret",
                    "INBOX", checked);
            assertThatThrownBy(() -> ImapFolderReader.fetch(account.login(), null, 0, 10, 10, 1_000_000, (validity, last, batch) -> {
            })).isInstanceOf(MessagingException.class);

            internal.setSoTimeout(300);
            assertThatThrownBy(internal::accept).as("the internal service was reached").isInstanceOf(SocketTimeoutException.class);
            assertThat(resolver.asked).containsExactly("localhost");
        }
    }

    @Test
    void theConnectionGoesToTheCheckedAddressWithoutAskingTheNameAgain() throws Exception {
        mailServer.setUser("ap@client.test", "ap", "secret");
        // A name no name server knows: only the checked address can have reached the server.
        PublicHosts.Checked checked = new PublicHosts.Checked("mail.client.invalid", List.of(InetAddress.getLoopbackAddress()),
                java.util.Optional.empty());
        ApMailAccount account = new ApMailAccount("mail.client.invalid", mailServer.getImap().getPort(), MailboxSecurity.NONE, "ap",
                "secret", "INBOX", checked);

        ImapFolderReader.Fetched fetched = ImapFolderReader.fetch(account.login(), null, 0, 10, 10, 1_000_000, (validity, last, batch) -> {
        });

        assertThat(fetched.count()).isZero();
    }

    @Test
    void anInternalAnswerToTheCheckIsRefused() throws Exception {
        PublicHosts.Checked checked = PublicHosts.check("mail.client.test",
                host -> new InetAddress[]{InetAddress.getByName("8.8.8.8"), InetAddress.getByName("169.254.169.254")});
        assertThat(checked.refusal()).hasValueSatisfying(reason -> assertThat(reason)
                .startsWith("mail.client.test is at 169.254.169.254, a link-local address"));
        assertThatThrownBy(() -> new CheckedAddressSockets(checked)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aNameWithSeveralCheckedAddressesIsReachedAtTheFirstThatAnswers() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            // 127.0.0.2 stands for the name's first address, whose server is down: nothing listens there
            InetAddress down = InetAddress.getByName("127.0.0.2");
            assertThatThrownBy(() -> new Socket(down, server.getLocalPort()).close()).isInstanceOf(ConnectException.class);
            PublicHosts.Checked checked = new PublicHosts.Checked("mail.client.invalid",
                    List.of(down, InetAddress.getLoopbackAddress()), java.util.Optional.empty());

            try (Socket socket = new CheckedAddressSockets(checked).createSocket("mail.client.invalid", server.getLocalPort());
                 Socket accepted = server.accept()) {
                assertThat(socket.getInetAddress().getHostAddress()).isEqualTo("127.0.0.1");
                socket.getOutputStream().write('A');
                assertThat(accepted.getInputStream().read()).as("the connection carries the conversation").isEqualTo('A');
            }

            // with every checked address down, the connection fails and reaches nothing else
            PublicHosts.Checked allDown = new PublicHosts.Checked("mail.client.invalid", List.of(down), java.util.Optional.empty());
            assertThatThrownBy(() -> new CheckedAddressSockets(allDown).createSocket("mail.client.invalid", server.getLocalPort()))
                    .isInstanceOf(ConnectException.class);
        }
    }
}

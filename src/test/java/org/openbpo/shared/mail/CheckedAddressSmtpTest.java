package org.openbpo.shared.mail;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Sending through a checked mail server goes to the checked address too, never to what the name answers again. */
class CheckedAddressSmtpTest {

    @RegisterExtension
    static GreenMailExtension mailServer = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @Test
    void aMailIsSubmittedToTheCheckedAddressWithoutAskingTheNameAgain() throws Exception {
        // A name no name server knows: only the checked address can have reached the server.
        PublicHosts.Checked checked = new PublicHosts.Checked("smtp.client.invalid", List.of(InetAddress.getLoopbackAddress()),
                Optional.empty());
        int port = mailServer.getSmtp().getPort();
        Properties properties = CheckedAddressSockets.connectOnlyTo(checked, "smtp",
                MailSessions.properties("smtp", "smtp.client.invalid", port, false, false, false));
        Session session = Session.getInstance(properties);
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress("billing@provider.test"));
        message.setRecipients(MimeMessage.RecipientType.TO, "ap@client.test");
        message.setSubject("Invoice");
        message.setText("Attached.");
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect("smtp.client.invalid", port, null, null);
            transport.sendMessage(message, message.getAllRecipients());
        }
        assertThat(mailServer.getReceivedMessages()).hasSize(1);
    }

    @Test
    void noOtherHostIsConnectedToThroughTheCheckedSockets() {
        PublicHosts.Checked checked = new PublicHosts.Checked("smtp.client.invalid", List.of(InetAddress.getLoopbackAddress()),
                Optional.empty());
        int port = mailServer.getSmtp().getPort();
        Session session = Session.getInstance(CheckedAddressSockets.connectOnlyTo(checked, "smtp",
                MailSessions.properties("smtp", "localhost", port, false, false, false)));
        assertThatThrownBy(() -> {
            try (Transport transport = session.getTransport("smtp")) {
                transport.connect("localhost", port, null, null);
            }
        }).isInstanceOf(jakarta.mail.MessagingException.class);
        assertThat(mailServer.getReceivedMessages()).isEmpty();
    }

    @Test
    void aRefusedHostGetsNoSockets() throws Exception {
        PublicHosts.Checked checked = PublicHosts.check("smtp.client.test", host -> new InetAddress[]{InetAddress.getByName("10.0.0.5")});
        assertThat(checked.refusal()).hasValueSatisfying(reason -> assertThat(reason)
                .isEqualTo("smtp.client.test is at 10.0.0.5, a private address, not a public mail server: "
                        + "a client's mail server must be reachable on the internet."));
        assertThatThrownBy(() -> CheckedAddressSockets.connectOnlyTo(checked, "smtps", new Properties()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

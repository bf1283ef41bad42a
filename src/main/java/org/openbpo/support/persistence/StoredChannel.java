package org.openbpo.support.persistence;

import org.jspecify.annotations.Nullable;
import org.openbpo.support.ChannelSettings;
import org.openbpo.support.MailSecurity;
import org.openbpo.support.MailServer;

import java.time.Instant;
import java.util.UUID;

/** A channel row as stored: the passwords still sealed. */
public record StoredChannel(UUID clientId, String serviceLine, String inboundAddress, @Nullable Server imap,
                            @Nullable Server smtp, String fromAddress, String displayName, String signature,
                            @Nullable String brandColour, boolean webForm, Instant createdAt, Instant updatedAt) {

    public record Server(String host, int port, MailSecurity security, @Nullable String username,
                         byte @Nullable [] sealedPassword) {

        MailServer view() {
            return new MailServer(host, port, security, username, sealedPassword != null);
        }
    }

    public ChannelSettings view() {
        return new ChannelSettings(clientId, serviceLine, inboundAddress, imap == null ? null : imap.view(),
                smtp == null ? null : smtp.view(), fromAddress, displayName, signature, brandColour, webForm, updatedAt);
    }
}

package org.openbpo.support;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.UUID;

/** A client's email channel as the provider's administrators see it. */
public record ChannelSettings(UUID clientId, String serviceLine, String inboundAddress, @Nullable MailServer imap,
                              @Nullable MailServer smtp, String fromAddress, String displayName, String signature,
                              @Nullable String brandColour, boolean webForm, Instant updatedAt) {
}

package org.openbpo.support.mail;

import org.openbpo.support.domain.AttachmentPolicy;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.time.Duration;
import java.util.Set;

/**
 * The provider's limits on inbound mail ({@code openbpo.support.email.*}): how big a message and
 * an attachment may be, which further file types are refused (executables always are), how many
 * messages one sender may send in a minute before we call it a mail loop, and how often
 * mailboxes are fetched.
 */
@ConfigurationProperties("openbpo.support.email")
public record MailRules(@DefaultValue("25MB") DataSize maxMessageSize,
                        @DefaultValue("10MB") DataSize maxAttachmentSize,
                        @DefaultValue({}) Set<String> refusedExtensions,
                        @DefaultValue({}) Set<String> refusedContentTypes,
                        @DefaultValue("20") int maxMessagesPerSenderPerMinute,
                        @DefaultValue("60s") Duration pollEvery,
                        @DefaultValue("5m") Duration pollLease) {

    public AttachmentPolicy attachmentPolicy() {
        return new AttachmentPolicy(maxAttachmentSize.toBytes(), refusedExtensions, refusedContentTypes);
    }
}

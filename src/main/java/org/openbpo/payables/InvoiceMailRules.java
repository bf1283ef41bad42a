package org.openbpo.payables;

import org.openbpo.payables.domain.DocumentScreen;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.time.Duration;
import java.util.Set;

/**
 * The provider's limits on mail to AP mailboxes ({@code openbpo.payables.email.*}): how big a
 * message and a file may be, which further file types are refused (executables always are), and
 * how often mailboxes are fetched and for how long a node holds one.
 */
@ConfigurationProperties("openbpo.payables.email")
public record InvoiceMailRules(@DefaultValue("25MB") DataSize maxMessageSize,
                               @DefaultValue("10MB") DataSize maxAttachmentSize,
                               @DefaultValue({}) Set<String> refusedExtensions,
                               @DefaultValue("60s") Duration pollEvery,
                               @DefaultValue("5m") Duration pollLease) {

    public DocumentScreen screen() {
        return new DocumentScreen(maxAttachmentSize.toBytes(), refusedExtensions);
    }
}

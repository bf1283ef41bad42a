package org.openbpo.support;

import org.jspecify.annotations.Nullable;

/** One of the client's mail servers as the API shows it: never the password, only whether one is stored. */
public record MailServer(String host, int port, MailSecurity security, @Nullable String username, boolean passwordStored) {
}

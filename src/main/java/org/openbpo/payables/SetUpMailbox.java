package org.openbpo.payables;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * Where the client's vendors send invoices: the IMAP server, the login, and the folder to read.
 * Without a password the stored one is kept (so the settings page need not show it); an empty
 * username means no login. {@code address} is the mailbox's own address, so that mail it sends
 * itself (a loop) is ignored.
 */
public record SetUpMailbox(@NotBlank @Size(max = 255) @Pattern(regexp = "[A-Za-z0-9.-]+", message = "must be a host name") String host,
                           @NotNull @Min(1) @Max(65535) Integer port,
                           @NotNull MailboxSecurity security,
                           @Nullable @Size(max = 200) String username,
                           @Nullable @Size(max = 500) String password,
                           @Nullable @Size(max = 200) String folder,
                           @Nullable @Email @Size(max = 254) String address) {
}

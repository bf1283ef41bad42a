package org.openbpo.payables;

/** How the connection to the AP mailbox's server is protected: TLS from the first byte, upgraded by STARTTLS, or not at all. */
public enum MailboxSecurity {
    TLS, STARTTLS, NONE
}

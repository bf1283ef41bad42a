package org.openbpo.billing;

/** How the connection to the provider's mail server is protected. */
public enum MailSecurity {
    NONE,
    STARTTLS,
    TLS
}

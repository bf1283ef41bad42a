package org.openbpo.support;

/** How a connection to a mail server is protected: TLS from the first byte, upgraded by STARTTLS, or not at all. */
public enum MailSecurity {
    TLS, STARTTLS, NONE
}

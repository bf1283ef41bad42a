package org.openbpo.tenancy;

/** A token just created: the only moment its secret is ever shown. */
public record IssuedToken(ApiToken token, String secret) {
}

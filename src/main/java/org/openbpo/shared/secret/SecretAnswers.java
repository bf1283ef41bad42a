package org.openbpo.shared.secret;

/**
 * Answers that show a secret once (an API token, a telephony secret): the endpoint marks its request with
 * {@link #REQUEST_ATTRIBUTE}, and nothing that keeps answers for later (the Idempotency-Key store) keeps the secret.
 * A retry under the same key then issues nothing twice, and is told the secret was in the first answer.
 */
public final class SecretAnswers {

    /** Request attribute set (to {@code true}) by an endpoint whose answer holds a secret shown once. */
    public static final String REQUEST_ATTRIBUTE = "openbpo.answer-holds-secret";

    private SecretAnswers() {
    }
}

package org.openbpo.audit;

/**
 * A before or after that the caller already holds as JSON text (a timeline entry's data, a stored
 * document): {@link AuditTrail} keeps it as it is instead of serialising the object again. The
 * database still checks that it is JSON.
 */
public record JsonText(String json) {

    public JsonText {
        if (json.isBlank()) {
            throw new IllegalArgumentException("JSON text must not be blank");
        }
    }
}

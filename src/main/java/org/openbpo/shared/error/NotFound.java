package org.openbpo.shared.error;

/**
 * Nothing the caller may see has this id. Used alike for ids that do not exist and ids of
 * another client, so that a 404 never confirms another client's data.
 */
public class NotFound extends BusinessRuleViolation {

    public NotFound(String what, Object id) {
        super(404, "not-found", null, "No " + what + " " + id + " was found.");
    }
}

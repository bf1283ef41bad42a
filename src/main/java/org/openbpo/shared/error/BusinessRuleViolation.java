package org.openbpo.shared.error;

/**
 * A request the business rules refuse. Mapped once, by the web module, to an RFC 9457 problem
 * detail with {@link #status()}, {@link #code()} and, where one field is at fault, {@link #field()}.
 */
public class BusinessRuleViolation extends RuntimeException {

    private final int status;
    private final String code;
    private final String field;

    public BusinessRuleViolation(int status, String code, String field, String message) {
        super(message);
        this.status = status;
        this.code = code;
        this.field = field;
    }

    public static BusinessRuleViolation invalid(String field, String message) {
        return new BusinessRuleViolation(422, "invalid-" + field.replaceAll("[^A-Za-z0-9]+", "-").toLowerCase(), field, message);
    }

    public static BusinessRuleViolation conflict(String code, String message) {
        return new BusinessRuleViolation(409, code, null, message);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String field() {
        return field;
    }
}

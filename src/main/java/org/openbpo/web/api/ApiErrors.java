package org.openbpo.web.api;

import org.jspecify.annotations.Nullable;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import java.net.URI;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns every error of the REST API into an RFC 9457 problem detail: a stable {@code code},
 * the offending {@code field} where there is one, and never a stack trace.
 */
@RestControllerAdvice(basePackages = "org.openbpo")
class ApiErrors extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

    record FieldProblem(String field, String reason) {
    }

    @ExceptionHandler(BusinessRuleViolation.class)
    ResponseEntity<ProblemDetail> rejected(BusinessRuleViolation e) {
        ProblemDetail problem = problem(HttpStatusCode.valueOf(e.status()), e.code(), e.getMessage());
        if (e.field() != null) {
            problem.setProperty("field", e.field());
            problem.setProperty("errors", List.of(new FieldProblem(e.field(), e.getMessage())));
        }
        return ResponseEntity.status(e.status()).body(problem);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> wrongType(MethodArgumentTypeMismatchException e) {
        String reason = "'" + e.getValue() + "' is not a valid " + (e.getRequiredType() == null ? "value"
                : e.getRequiredType().getSimpleName().replace("UUID", "id"));
        return fieldProblem(HttpStatus.BAD_REQUEST, "invalid-parameter", e.getName(), reason);
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> conflict(DataIntegrityViolationException e) {
        String state = e.getMostSpecificCause() instanceof SQLException refused ? refused.getSQLState() : null;
        if (state != null && state.startsWith("22")) {
            // PostgreSQL's data exceptions: a value it cannot store as sent, not a conflict with other data
            LOG.info("Refused by the database as a value: {}", e.getMostSpecificCause().getMessage());
            return ResponseEntity.unprocessableContent().body(problem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-value",
                    "A value in the request cannot be stored: " + valueProblem(state) + ". Nothing was saved."));
        }
        LOG.info("Refused by a database constraint: {}", e.getMostSpecificCause().getMessage());
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem(HttpStatus.CONFLICT, "conflict",
                "The change conflicts with existing data; nothing was saved."));
    }

    private static String valueProblem(String sqlState) {
        return switch (sqlState) {
            case "22001" -> "a text is longer than its field allows";
            case "22003" -> "a number is larger than its field allows";
            case "22008" -> "a date or time is out of range";
            case "22021", "22P05" -> "a text contains a character that cannot be stored, such as the NUL character";
            default -> "it is not a valid value for its field";
        };
    }

    /** Amounts whose sum or product leaves the range of whole minor units, or a number too large to compute with. */
    @ExceptionHandler(ArithmeticException.class)
    ResponseEntity<ProblemDetail> outOfRange(ArithmeticException e) {
        LOG.info("A number out of range: {}", e.getMessage());
        return ResponseEntity.unprocessableContent().body(problem(HttpStatus.UNPROCESSABLE_CONTENT, "number-out-of-range",
                "A number in the request, or a total computed from it, is too large. Nothing was saved."));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldProblem(error.getField(), reason(error))).toList();
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-request",
                errors.stream().map(f -> f.field() + " " + f.reason()).collect(Collectors.joining("; ")));
        if (!errors.isEmpty()) {
            problem.setProperty("field", errors.getFirst().field());
        }
        problem.setProperty("errors", errors);
        return ResponseEntity.unprocessableContent().body(problem);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new FieldProblem(result.getMethodParameter().getParameterName(),
                                String.valueOf(error.getDefaultMessage()))))
                .toList();
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-request",
                errors.stream().map(f -> f.field() + " " + f.reason()).collect(Collectors.joining("; ")));
        problem.setProperty("errors", errors);
        return ResponseEntity.unprocessableContent().body(problem);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Throwable cause = e.getMostSpecificCause();
        if (cause instanceof BusinessRuleViolation refused) {
            // a command's own rule, checked in its constructor while the body was read
            return ResponseEntity.status(refused.status()).body(rejected(refused).getBody());
        }
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return fieldProblem(HttpStatus.BAD_REQUEST, "unknown-field", unknown.getPropertyName(),
                    "is not a field of this request");
        }
        if (cause instanceof IllegalArgumentException rule && rule.getMessage() != null
                && e.getCause() instanceof DatabindException binding) {
            // a value object's own rule, checked in its constructor while the body was read; its message names the field
            return binding.getPath().isEmpty()
                    ? ResponseEntity.unprocessableContent().body(problem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-request", rule.getMessage()))
                    : fieldProblem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-field", pathOf(binding), rule.getMessage());
        }
        if (cause instanceof DatabindException binding && !binding.getPath().isEmpty()) {
            return fieldProblem(HttpStatus.BAD_REQUEST, "invalid-field", pathOf(binding), "has the wrong type or format");
        }
        String detail = cause instanceof JacksonException ? "The request body is not well-formed JSON."
                : "The request body is missing or unreadable.";
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "malformed-body", detail));
    }

    /** Where in the body a value was refused, as {@code states[1].category}. */
    private static String pathOf(DatabindException binding) {
        return binding.getPath().stream()
                .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        LOG.error("Unexpected error", e);
        return ResponseEntity.internalServerError().body(problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
                "Something went wrong on our side; nothing was saved. The request id in the logs tells us more."));
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(@Nullable Object body, HttpHeaders headers,
                                                          HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail problem && problem.getProperties() == null) {
            problem.setProperty("code", codeFor(statusCode));
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    private static ResponseEntity<Object> fieldProblem(HttpStatus status, String code, String field, String reason) {
        ProblemDetail problem = problem(status, code, field + " " + reason);
        problem.setProperty("field", field);
        problem.setProperty("errors", List.of(new FieldProblem(field, reason)));
        return ResponseEntity.status(status).body(problem);
    }

    static ProblemDetail problem(HttpStatusCode status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("https://openbpo.org/problems/" + code));
        problem.setProperty("code", code);
        return problem;
    }

    private static String reason(FieldError error) {
        return error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage();
    }

    static String codeFor(HttpStatusCode status) {
        return Map.of(404, "not-found", 405, "method-not-allowed", 406, "not-acceptable", 415,
                "unsupported-media-type").getOrDefault(status.value(), "http-" + status.value());
    }
}

package org.openbpo.web.api;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The API's errors that arise before any of its handlers is chosen — a path nobody serves, a method
 * or media type a path does not take, an upload that is not a well-formed multipart body — answered
 * as problem details too. {@link ApiErrors} applies to OpenBPO's own handlers only, so without this
 * they reached the servlet container's error page. Outside {@code /api/} the exception goes on to the
 * UI's error handling unchanged.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiErrorsWithoutHandler {

    @ExceptionHandler({NoResourceFoundException.class, HttpRequestMethodNotSupportedException.class,
            HttpMediaTypeNotSupportedException.class, HttpMediaTypeNotAcceptableException.class, MultipartException.class})
    ResponseEntity<ProblemDetail> beforeAnyHandler(Exception e, HttpServletRequest request) throws Exception {
        if (!request.getRequestURI().startsWith("/api/")) {
            throw e;
        }
        if (e instanceof MultipartException) {
            return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(ApiErrors.problem(
                    HttpStatus.BAD_REQUEST, "malformed-body", "The upload is not a well-formed multipart body."));
        }
        ErrorResponse refused = (ErrorResponse) e;
        HttpStatusCode status = refused.getStatusCode();
        String detail = refused.getBody().getDetail() != null ? refused.getBody().getDetail() : "The request cannot be served.";
        return ResponseEntity.status(status).headers(refused.getHeaders()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ApiErrors.problem(status, ApiErrors.codeFor(status), detail));
    }
}

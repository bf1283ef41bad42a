package org.openbpo.payables.web;

import org.openbpo.payables.FileRejected;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * A refused file as one RFC 9457 problem listing every problem found: {@code errors[]} with the
 * row and column (or line and XML path) as the field and the reason, so a clerk fixes the whole
 * file at once.
 */
@ControllerAdvice(basePackageClasses = FileProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class FileProblems {

    @ExceptionHandler(FileRejected.class)
    ResponseEntity<ProblemDetail> rejected(FileRejected e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(e.status()), e.getMessage());
        problem.setType(URI.create("https://openbpo.org/problems/" + e.code()));
        problem.setProperty("code", e.code());
        if (e.field() != null) {
            problem.setProperty("field", e.field());
        }
        List<Map<String, String>> errors = e.problems().stream()
                .map(p -> Map.of("field", p.where(), "reason", p.reason())).toList();
        problem.setProperty("errors", errors);
        return ResponseEntity.status(e.status()).body(problem);
    }
}

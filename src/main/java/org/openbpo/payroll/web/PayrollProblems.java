package org.openbpo.payroll.web;

import org.openbpo.payroll.domain.Problem;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import java.net.URI;
import java.util.List;
import java.util.Map;

/** Problem details (RFC 9457) that list every problem of an input, each with its field (and row, for files). */
final class PayrollProblems {

    private PayrollProblems() {
    }

    static ResponseEntity<ProblemDetail> of(String code, String detail, String firstField, List<?> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, detail);
        problem.setType(URI.create("https://openbpo.org/problems/" + code));
        problem.setProperty("code", code);
        problem.setProperty("field", firstField);
        problem.setProperty("errors", errors);
        return ResponseEntity.unprocessableContent().body(problem);
    }

    static List<Map<String, String>> fields(List<Problem> problems) {
        return problems.stream().map(p -> Map.of("field", p.field(), "reason", p.reason())).toList();
    }
}

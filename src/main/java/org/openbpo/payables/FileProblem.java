package org.openbpo.payables;

/** One thing wrong with an imported file: where (a row and column, or a line and XML path) and why. */
public record FileProblem(String where, String reason) {
}

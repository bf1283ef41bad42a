package org.openbpo.payroll;

import java.util.List;

/**
 * What an employee import did: every row checked; applied only when no row had a problem. Row numbers are
 * the spreadsheet's (the header is row 1); a problem with the file as a whole has row 0.
 */
public record ImportReport(boolean applied, int rows, int created, int updated, List<RowProblem> errors) {

    public record RowProblem(int row, String field, String reason) {
    }
}

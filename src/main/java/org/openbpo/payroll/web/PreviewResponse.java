package org.openbpo.payroll.web;

import io.swagger.v3.oas.annotations.media.Schema;
import org.openbpo.payroll.domain.GrossToNet;
import org.openbpo.payroll.domain.PayLine;

import java.util.List;
import java.util.Map;

/** Gross to net with every amount as a decimal string, in a fixed order: the same inputs give the same bytes. */
@Schema(description = "One employee's pay for one period: deductions, employer costs and net pay")
record PreviewResponse(String country, String taxYear, String currency, String gross, List<Line> employee,
                       List<Line> employer, String net) {

    @Schema(description = """
            One line. Codes: US FIT, SS, MEDICARE, ADDL_MEDICARE, SS_ER, MEDICARE_ER, FUTA; GB PAYE, NI_EE, NI_ER; \
            IN TDS, EPF_EE, EPF_ER, EPS_ER, EDLI_ER; PH WTAX, SSS_EE, PHILHEALTH_EE, PAGIBIG_EE, SSS_ER, SSS_EC, \
            PHILHEALTH_ER, PAGIBIG_ER. Workings hold every intermediate value in the order of the calculation, \
            and any value the rule pack marks unverified.""")
    record Line(String code, String amount, String base, String rule, Map<String, String> workings) {
    }

    static PreviewResponse of(GrossToNet result) {
        return new PreviewResponse(result.country().name(), result.taxYear(), result.currency().getCurrencyCode(),
                result.gross().toPlainString(), lines(result.employee()), lines(result.employer()), result.net().toPlainString());
    }

    private static List<Line> lines(List<PayLine> lines) {
        return lines.stream().map(line -> new Line(line.code(), line.amount().toPlainString(), line.base().toPlainString(),
                line.rule(), line.workings().steps())).toList();
    }
}

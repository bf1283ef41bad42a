package org.openbpo.payroll.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.openbpo.payroll.PayrollCalculator;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/payroll")
@Tag(name = "Payroll", description = "Gross-to-net calculation for the United States (federal), the United Kingdom, India and the Philippines")
class PayrollPreviewApi {

    private final PayrollCalculator calculator;

    PayrollPreviewApi(PayrollCalculator calculator) {
        this.calculator = calculator;
    }

    @PostMapping("/preview")
    @Operation(summary = "Calculate one employee's pay for one period; nothing is saved", description = """
            The calculator a payroll specialist and a client's HR team both use, with the same engine as pay runs. \
            Any signed-in caller may use it. The result lists the employee's deductions and the employer's costs, \
            each with a stable code, the base it was charged on, the rule or table row applied and the workings, \
            and the net pay. The same request always gives the same bytes. Bad input is a 422 problem detail \
            naming the field (an unknown tax code, NI category, country or tax year, a negative W-4 amount, a \
            period the frequency does not have).""")
    PreviewResponse preview(@RequestBody PreviewRequest request) {
        return PreviewResponse.of(calculator.calculate(PreviewReader.read(request, calculator.packs())));
    }
}

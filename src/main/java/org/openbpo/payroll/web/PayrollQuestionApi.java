package org.openbpo.payroll.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.openbpo.payroll.EmployeeQuestion;
import org.openbpo.payroll.PayrollQuestion;
import org.openbpo.payroll.PayrollQuestions;
import org.openbpo.payroll.RaisePayrollQuestion;
import org.openbpo.tenancy.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/clients/{clientId}/payroll")
@Tag(name = "Payroll: questions", description = "Employees' questions about their pay, raised as work items of the payroll service line")
class PayrollQuestionApi {

    private final PayrollQuestions questions;

    PayrollQuestionApi(PayrollQuestions questions) {
        this.questions = questions;
    }

    @PostMapping("/questions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Raise an employee's payroll question", description = """
            The question becomes a work item of the client's service line of kind PAYROLL that runs the payroll-question \
            work type (409 if the contract has none). topic is one of PAY_MISSING, PAY_AMOUNT, TAX, DEDUCTION, PAYSLIP, \
            BANK_DETAILS, OTHER; payRun, when given, must be one of the client's pay runs; the employee must be the client's.""")
    PayrollQuestion raise(@PathVariable UUID clientId, @RequestBody RaisePayrollQuestion command,
                          @AuthenticationPrincipal CurrentUser user) {
        return questions.raise(clientId, command, user);
    }

    @GetMapping("/employees/{employeeId}/questions")
    @Operation(summary = "An employee's payroll questions, newest first, with where each stands")
    List<EmployeeQuestion> ofEmployee(@PathVariable UUID clientId, @PathVariable UUID employeeId) {
        return questions.ofEmployee(clientId, employeeId);
    }
}

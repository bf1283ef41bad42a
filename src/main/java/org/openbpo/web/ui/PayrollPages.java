package org.openbpo.web.ui;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.openbpo.payroll.Employees;
import org.openbpo.payroll.PayGroups;
import org.openbpo.payroll.PayRunDecision;
import org.openbpo.payroll.PayRuns;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.shared.error.NotFound;
import org.openbpo.tenancy.Client;
import org.openbpo.tenancy.CurrentUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.UUID;

/**
 * Payroll in the browser: a client's employees and pay runs for the provider's payroll staff and for the
 * client's own people, a run with its payslips, anomalies and the step its people may take next (send for
 * check, check, the client's approval in its portal, finalise, pay), and payslip PDFs.
 */
@Controller
class PayrollPages {

    static final int LISTED = 200;

    private final Employees employees;
    private final PayGroups groups;
    private final PayRuns runs;
    private final ClientFocus focus;
    private final org.openbpo.payroll.PayrollReports reports;
    private final org.openbpo.payroll.EmployeeImports imports;
    private final org.openbpo.payroll.PayrollQuestions questions;
    private final org.openbpo.payroll.EmployerSettings settings;

    PayrollPages(Employees employees, PayGroups groups, PayRuns runs, ClientFocus focus, org.openbpo.payroll.PayrollReports reports,
                 org.openbpo.payroll.EmployeeImports imports, org.openbpo.payroll.PayrollQuestions questions,
                 org.openbpo.payroll.EmployerSettings settings) {
        this.settings = settings;
        this.imports = imports;
        this.questions = questions;
        this.reports = reports;
        this.employees = employees;
        this.groups = groups;
        this.runs = runs;
        this.focus = focus;
    }

    @GetMapping("/payroll")
    String home(@RequestParam(required = false) @Nullable UUID client, @AuthenticationPrincipal CurrentUser user,
                HttpServletRequest request, Model model) {
        if (client != null) {
            return focus.linkTo(user, client, "/payroll", model, request);
        }
        Client chosen = focus.chosen(user, request);
        if (chosen == null) {
            return focus.pick(model, "Payroll", "/payroll");
        }
        model.addAttribute("client", chosen);
        model.addAttribute("employees", employees.page(chosen.id(), null, LISTED).items());
        model.addAttribute("groups", groups.of(chosen.id()));
        reports.employmentAllowance(chosen.id()).ifPresent(allowance -> {
            model.addAttribute("allowance", allowance);
            model.addAttribute("mayChangeAllowance", user.roles().contains(org.openbpo.tenancy.Role.ADMINISTRATOR)
                    || user.roles().contains(org.openbpo.tenancy.Role.OPERATIONS_MANAGER));
        });
        model.addAttribute("runs", runs.latest(chosen.id(), Long.MAX_VALUE, 50).stream().map(run -> run.seenBy(user)).toList());
        return "payroll/home";
    }

    /** Adds an employee from the page's form: the same checks as the API, every problem listed with its field. */
    @PostMapping("/payroll/employees")
    String addEmployee(@RequestParam java.util.Map<String, String> params, @AuthenticationPrincipal CurrentUser user,
                       HttpServletRequest request, RedirectAttributes flash) {
        Client chosen = focus.chosen(user, request);
        if (chosen == null) {
            return "redirect:/payroll";
        }
        java.util.Map<String, String> values = new java.util.HashMap<>();
        for (String column : org.openbpo.payroll.EmployeeForm.COLUMNS) {
            String value = params.get(column);
            if (value != null && !value.isBlank()) {
                values.put(column, value.strip());
            }
        }
        try {
            var hired = employees.hire(chosen.id(), org.openbpo.payroll.EmployeeForm.of(values), user);
            flash.addFlashAttribute("notice", "Employee " + hired.employeeNumber() + " added.");
        } catch (Employees.InvalidEmployee invalid) {
            flash.addFlashAttribute("problem", "The employee was not added: " + invalid.getMessage());
            flash.addFlashAttribute("employeeProblems", invalid.problems());
            flash.addFlashAttribute("employeeForm", values);
        } catch (BusinessRuleViolation refused) {
            flash.addFlashAttribute("problem", refused.getMessage());
            flash.addFlashAttribute("employeeForm", values);
        }
        return "redirect:/payroll";
    }

    /** Whether the client's UK payroll claims the Employment Allowance: the payroll managers' answer, from the page's form. */
    @PostMapping("/payroll/{clientId}/employment-allowance")
    String setEmploymentAllowance(@PathVariable UUID clientId, @RequestParam(required = false) @Nullable String claims,
                                  @AuthenticationPrincipal CurrentUser user, RedirectAttributes flash) {
        try {
            if (!"true".equals(claims) && !"false".equals(claims)) {
                throw BusinessRuleViolation.invalid("claims", "Choose whether the client claims the Employment Allowance.");
            }
            boolean claiming = Boolean.parseBoolean(claims);
            settings.setEmploymentAllowance(clientId, new org.openbpo.payroll.EmploymentAllowanceSetting(claiming), user);
            flash.addFlashAttribute("notice", claiming ? "The client claims the Employment Allowance."
                    : "The client does not claim the Employment Allowance.");
        } catch (BusinessRuleViolation refused) {
            if (refused instanceof NotFound) {
                throw refused;
            }
            flash.addFlashAttribute("problem", refused.field() == null ? refused.getMessage() : refused.field() + ": " + refused.getMessage());
        }
        return "redirect:/payroll";
    }

    /** Imports employees from CSV or XLSX: nothing applied unless every row is valid; the report lists each row, field and reason. */
    @PostMapping("/payroll/employees/imports")
    String importEmployees(@RequestParam("file") org.springframework.web.multipart.MultipartFile file,
                           @AuthenticationPrincipal CurrentUser user, HttpServletRequest request, RedirectAttributes flash)
            throws java.io.IOException {
        Client chosen = focus.chosen(user, request);
        if (chosen == null) {
            return "redirect:/payroll";
        }
        String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename().toLowerCase(java.util.Locale.ROOT);
        try {
            var report = imports.importFile(chosen.id(), file.getBytes(), name.endsWith(".xlsx"), user);
            if (report.applied()) {
                flash.addFlashAttribute("notice", "Imported " + report.rows() + " rows: " + report.created() + " employees added, "
                        + report.updated() + " updated.");
            } else {
                flash.addFlashAttribute("problem", "Nothing was imported: " + report.errors().size()
                        + (report.errors().size() == 1 ? " problem in " : " problems in ")
                        + report.rows() + " rows. Correct them and import the whole file again.");
                flash.addFlashAttribute("importProblems", report.errors());
            }
        } catch (BusinessRuleViolation refused) {
            flash.addFlashAttribute("problem", refused.getMessage());
        }
        return "redirect:/payroll";
    }

    @GetMapping("/payroll/{clientId}/employees/{employeeId}")
    String employee(@PathVariable UUID clientId, @PathVariable UUID employeeId, @AuthenticationPrincipal CurrentUser user,
                    Model model) {
        model.addAttribute("employee", employees.get(clientId, employeeId));
        model.addAttribute("clientId", clientId);
        model.addAttribute("questions", questions.ofEmployee(clientId, employeeId));
        model.addAttribute("topics", org.openbpo.payroll.PayrollQuestionWorkType.TOPICS);
        model.addAttribute("staff", user.providerStaff());
        return "payroll/employee";
    }

    /** Raises one of the employee's payroll questions from their page: a work item of the client's payroll-question line. */
    @PostMapping("/payroll/{clientId}/employees/{employeeId}/questions")
    String raiseQuestion(@PathVariable UUID clientId, @PathVariable UUID employeeId, @RequestParam(required = false) @Nullable String topic,
                         @RequestParam(required = false) @Nullable String payRun, @RequestParam(required = false) @Nullable String question,
                         @AuthenticationPrincipal CurrentUser user, RedirectAttributes flash) {
        var employee = employees.get(clientId, employeeId);
        try {
            Long run = null;
            if (payRun != null && !payRun.isBlank()) {
                try {
                    run = Long.parseLong(payRun.strip());
                } catch (NumberFormatException notANumber) {
                    throw BusinessRuleViolation.invalid("payRun", "The pay run is a number, not " + payRun.strip() + ".");
                }
            }
            var raised = questions.raise(clientId, new org.openbpo.payroll.RaisePayrollQuestion(employee.employeeNumber(), topic, run,
                    question), user);
            flash.addFlashAttribute("notice", "Question " + raised.reference() + " is raised with the payroll team.");
        } catch (BusinessRuleViolation refused) {
            if (refused instanceof NotFound) {
                throw refused;
            }
            flash.addFlashAttribute("problem", refused.field() == null ? refused.getMessage() : refused.field() + ": " + refused.getMessage());
            flash.addFlashAttribute("questionText", question);
            flash.addFlashAttribute("questionTopic", topic);
            flash.addFlashAttribute("questionRun", payRun);
        }
        return "redirect:/payroll/" + clientId + "/employees/" + employeeId;
    }

    @GetMapping("/payroll/{clientId}/runs/{runId}")
    String run(@PathVariable UUID clientId, @PathVariable long runId, @AuthenticationPrincipal CurrentUser user, Model model) {
        var run = runs.get(clientId, runId).seenBy(user);
        model.addAttribute("clientId", clientId);
        model.addAttribute("run", run);
        model.addAttribute("payslips", runs.payslips(clientId, runId, "", LISTED));
        model.addAttribute("staff", user.providerStaff());
        model.addAttribute("mayDownloadBankFile", user.roles().contains(org.openbpo.tenancy.Role.ADMINISTRATOR)
                || user.roles().contains(org.openbpo.tenancy.Role.OPERATIONS_MANAGER)
                || user.roles().contains(org.openbpo.tenancy.Role.CLIENT_ADMINISTRATOR));
        return "payroll/run";
    }

    @GetMapping("/payroll/{clientId}/runs/{runId}/payslips/{employeeId}/pdf")
    org.springframework.http.ResponseEntity<byte[]> pdf(@PathVariable UUID clientId, @PathVariable long runId, @PathVariable UUID employeeId) {
        return org.springframework.http.ResponseEntity.ok().contentType(org.springframework.http.MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "inline; filename=\"payslip-" + runId + "-" + employeeId + ".pdf\"")
                .body(reports.payslipPdf(clientId, runId, employeeId));
    }

    @GetMapping("/payroll/{clientId}/runs/{runId}/register")
    void register(@PathVariable UUID clientId, @PathVariable long runId, jakarta.servlet.http.HttpServletResponse response)
            throws java.io.IOException {
        runs.get(clientId, runId);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"register-" + runId + ".csv\"");
        try (var out = new java.io.OutputStreamWriter(response.getOutputStream(), java.nio.charset.StandardCharsets.UTF_8)) {
            reports.register(clientId, runId, out);
        }
    }

    @GetMapping("/payroll/{clientId}/runs/{runId}/bank-file")
    org.springframework.http.ResponseEntity<byte[]> bankFile(@PathVariable UUID clientId, @PathVariable long runId,
                                                             @AuthenticationPrincipal CurrentUser user) {
        var file = runs.bankFile(clientId, runId, user);
        return org.springframework.http.ResponseEntity.ok().contentType(org.springframework.http.MediaType.parseMediaType(file.mediaType()))
                .header("Content-Disposition", "attachment; filename=\"" + file.fileName() + "\"").body(file.content());
    }

    @PostMapping("/payroll/{clientId}/runs/{runId}/reopen")
    String reopen(@PathVariable UUID clientId, @PathVariable long runId, @RequestParam(required = false) @Nullable String reason,
                  @AuthenticationPrincipal CurrentUser user, RedirectAttributes flash) {
        try {
            var reopened = runs.reopen(clientId, runId, reason == null ? "" : reason, user);
            flash.addFlashAttribute("notice", "Pay run " + runId + " is reversed by run " + reopened.reversal().id()
                    + "; correction run " + reopened.correction().id() + " is prepared.");
            return "redirect:/payroll/" + clientId + "/runs/" + reopened.correction().id();
        } catch (BusinessRuleViolation refused) {
            if (refused instanceof NotFound) {
                throw refused;
            }
            flash.addFlashAttribute("problem", refused.getMessage());
            return "redirect:/payroll/" + clientId + "/runs/" + runId;
        }
    }

    @PostMapping("/payroll/{clientId}/runs/{runId}/{step}")
    String step(@PathVariable UUID clientId, @PathVariable long runId, @PathVariable String step,
                @RequestParam(required = false) @Nullable String note, @AuthenticationPrincipal CurrentUser user,
                RedirectAttributes flash) {
        try {
            var after = switch (step) {
                case "submit" -> runs.sendForCheck(clientId, runId, user);
                case "check" -> runs.check(clientId, runId, new PayRunDecision(PayRunDecision.Decision.APPROVE, note), user);
                case "return" -> runs.check(clientId, runId, new PayRunDecision(PayRunDecision.Decision.RETURN, note), user);
                case "approve" -> runs.clientDecision(clientId, runId, new PayRunDecision(PayRunDecision.Decision.APPROVE, note), user);
                case "reject" -> runs.clientDecision(clientId, runId, new PayRunDecision(PayRunDecision.Decision.RETURN, note), user);
                case "finalise" -> runs.finalise(clientId, runId, user);
                case "pay" -> runs.pay(clientId, runId, user);
                default -> throw new NotFound("step", step);
            };
            flash.addFlashAttribute("notice", "Pay run " + runId + " is now " + after.status().name().toLowerCase().replace('_', ' ') + ".");
        } catch (BusinessRuleViolation refused) {
            if (refused instanceof NotFound) {
                throw refused;
            }
            flash.addFlashAttribute("problem", refused.getMessage());
        }
        return "redirect:/payroll/" + clientId + "/runs/" + runId;
    }
}

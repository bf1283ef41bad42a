package org.openbpo.payroll;

import org.openbpo.audit.AuditTrail;
import org.openbpo.contracts.Contract;
import org.openbpo.contracts.Contracts;
import org.openbpo.contracts.ServiceLine;
import org.openbpo.contracts.ServiceLineKind;
import org.openbpo.payroll.persistence.EmployeeRows;
import org.openbpo.payroll.persistence.PayRunRows;
import org.openbpo.payroll.persistence.QuestionRows;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.tenancy.Clients;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.work.CreateWorkItem;
import org.openbpo.work.WorkItem;
import org.openbpo.work.WorkItems;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Employees' payroll questions. A question is a work item of the client's service line of kind PAYROLL
 * that runs the {@link PayrollQuestionWorkType}: the contract decides which line, its queues route it to
 * the payroll team, and its SLA times it. The item and the row tying it to the employee are written in
 * one transaction, so a crash leaves both or neither.
 */
@Service
public class PayrollQuestions {

    private static final int HISTORY = 200;

    private final QuestionRows rows;
    private final EmployeeRows employeeRows;
    private final PayRunRows runs;
    private final Employees employees;
    private final Contracts contracts;
    private final WorkItems workItems;
    private final Clients clients;
    private final AuditTrail audit;
    private final Clock clock;

    PayrollQuestions(QuestionRows rows, EmployeeRows employeeRows, PayRunRows runs, Employees employees, Contracts contracts,
                     WorkItems workItems, Clients clients, AuditTrail audit, Clock clock) {
        this.rows = rows;
        this.employeeRows = employeeRows;
        this.runs = runs;
        this.employees = employees;
        this.contracts = contracts;
        this.workItems = workItems;
        this.clients = clients;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public PayrollQuestion raise(UUID client, RaisePayrollQuestion command, CurrentUser by) {
        clients.get(client);
        PayrollPermissions.requireQuestionRaiser(by, "raise payroll questions");
        String number = command.employeeNumber() == null ? "" : command.employeeNumber().strip();
        if (number.isEmpty()) {
            throw BusinessRuleViolation.invalid("employeeNumber", "Say whose question it is: the employee number is required.");
        }
        String topic = command.topic() == null ? "" : command.topic().strip();
        if (!PayrollQuestionWorkType.TOPICS.contains(topic)) {
            throw BusinessRuleViolation.invalid("topic", "The topic must be one of " + String.join(", ", PayrollQuestionWorkType.TOPICS)
                    + (topic.isEmpty() ? "" : ", not " + abbreviated(topic)));
        }
        String question = command.question() == null ? "" : command.question().strip();
        if (question.isEmpty()) {
            throw BusinessRuleViolation.invalid("question", "The question is required.");
        }
        if (question.length() > PayrollQuestionWorkType.QUESTION_LENGTH) {
            throw BusinessRuleViolation.invalid("question", "The question is " + question.length() + " characters long; at most "
                    + PayrollQuestionWorkType.QUESTION_LENGTH + " are kept.");
        }
        EmployeeRows.Stored employee = employeeRows.byNumber(client, number).orElseThrow(() -> BusinessRuleViolation.invalid(
                "employeeNumber", "The client has no employee numbered " + abbreviated(number) + "."));
        Long payRun = command.payRun();
        if (payRun != null && runs.find(client, payRun).isEmpty()) {
            throw BusinessRuleViolation.invalid("payRun", "Pay run " + payRun + " is not one of the client's pay runs.");
        }
        String serviceLine = serviceLine(client);
        String name = employee.data().givenName() + " " + employee.data().familyName();
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("employeeNumber", number);
        form.put("topic", topic);
        if (payRun != null) {
            form.put("payRun", payRun);
        }
        form.put("question", question);
        String title = "Payroll question (" + topic + ") from " + name + ", " + number
                + (payRun == null ? "" : ", pay run " + payRun);
        WorkItem item = workItems.create(client, new CreateWorkItem(serviceLine, null, null, abbreviated(title, 300), form, null), by);
        rows.insert(client, item.id(), employee.id(), topic, payRun, clock.instant());
        PayrollQuestion raised = new PayrollQuestion(item.id(), item.reference(), item.title(), item.state(), item.category().name(),
                item.serviceLine(), employee.id(), number, name, topic, payRun, item.createdAt());
        audit.record(client, "payroll.question-raised", "work-item", item.id(), null, raised);
        return raised;
    }

    /** The employee's payroll questions, newest first, with where each stands now. */
    @Transactional(readOnly = true)
    public List<EmployeeQuestion> ofEmployee(UUID client, UUID employee) {
        employees.get(client, employee);
        return rows.ofEmployee(client, employee, HISTORY).stream().map(id -> workItems.get(client, id))
                .map(item -> new EmployeeQuestion(item.id(), item.reference(), item.title(), item.state(), item.category().name(),
                        item.createdAt()))
                .toList();
    }

    /** The client's service line the contracts run payroll questions on: of kind PAYROLL, with the question work type. */
    private String serviceLine(UUID client) {
        for (Contract contract : contracts.of(client)) {
            for (ServiceLine line : contract.serviceLines()) {
                if (line.kind() == ServiceLineKind.PAYROLL && PayrollQuestionWorkType.CODE.equals(line.workType())
                        && contracts.termsInForce(client, line.code()).isPresent()) {
                    return line.code();
                }
            }
        }
        throw new BusinessRuleViolation(409, "no-payroll-question-line", null, "The client's contract has no payroll-question "
                + "service line in force: add a service line of kind PAYROLL with work type " + PayrollQuestionWorkType.CODE + ".");
    }

    private static String abbreviated(String text) {
        return abbreviated(text, 60);
    }

    private static String abbreviated(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }
}

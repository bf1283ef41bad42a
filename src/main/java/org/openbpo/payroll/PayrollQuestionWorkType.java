package org.openbpo.payroll;

import org.openbpo.work.domain.FieldType;
import org.openbpo.work.domain.FormField;
import org.openbpo.work.domain.StateCategory;
import org.openbpo.work.domain.WorkState;
import org.openbpo.work.domain.WorkTransition;
import org.openbpo.work.domain.WorkTypeDefinition;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * The work type of an employee's question about their pay, raised by the client's people or the provider's
 * payroll staff and answered by the provider's payroll team. A contract runs it on a service line of kind
 * PAYROLL; {@link PayrollQuestions} raises it there.
 */
public final class PayrollQuestionWorkType {

    public static final String CODE = "payroll-question";
    static final String NEW = "new";
    static final String OPEN = "open";
    static final String PENDING_CLIENT = "pending_client";
    static final String DONE = "done";
    static final String CANCELLED = "cancelled";
    static final int QUESTION_LENGTH = 4_000;

    /** What a question is about, as the form's topic field takes it. */
    public static final List<String> TOPICS = List.of("PAY_MISSING", "PAY_AMOUNT", "TAX", "DEDUCTION", "PAYSLIP",
            "BANK_DETAILS", "OTHER");

    private static final Set<String> CLIENT_AND_PROVIDER = Set.of("REQUESTER", "APPROVER", "CLIENT_ADMINISTRATOR", "AGENT",
            "TEAM_LEAD", "OPERATIONS_MANAGER", "ADMINISTRATOR");

    private PayrollQuestionWorkType() {
    }

    public static WorkTypeDefinition definition() {
        return new WorkTypeDefinition(CODE, "Payroll question", NEW,
                List.of(new WorkState(NEW, "New", StateCategory.NEW),
                        new WorkState(OPEN, "Open", StateCategory.OPEN),
                        new WorkState(PENDING_CLIENT, "Waiting on the client", StateCategory.PENDING_CLIENT),
                        new WorkState(DONE, "Answered", StateCategory.DONE),
                        new WorkState(CANCELLED, "Cancelled", StateCategory.CANCELLED)),
                List.of(new WorkTransition(NEW, OPEN, "Start", Set.of()),
                        new WorkTransition(NEW, DONE, "Answer", Set.of()),
                        new WorkTransition(OPEN, PENDING_CLIENT, "Ask the client", Set.of()),
                        new WorkTransition(PENDING_CLIENT, OPEN, "Client answered", CLIENT_AND_PROVIDER),
                        new WorkTransition(OPEN, DONE, "Answer", Set.of()),
                        new WorkTransition(DONE, OPEN, "Reopen", CLIENT_AND_PROVIDER),
                        new WorkTransition(NEW, CANCELLED, "Cancel", Set.of()),
                        new WorkTransition(OPEN, CANCELLED, "Cancel", Set.of())),
                List.of(new FormField("employeeNumber", "Employee number", FieldType.TEXT, true, 40, List.of()),
                        new FormField("topic", "Topic", FieldType.CHOICE, true, null, TOPICS),
                        new FormField("payRun", "Pay run", FieldType.NUMBER, false, null, List.of()),
                        new FormField("question", "Question", FieldType.LONG_TEXT, true, QUESTION_LENGTH, List.of())),
                List.of("Employee identified", "Answer checked against the payslip and the pay run"),
                false, new BigDecimal("0.05"), "question");
    }
}

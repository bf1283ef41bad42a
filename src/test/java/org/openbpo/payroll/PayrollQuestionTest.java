package org.openbpo.payroll;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openbpo.contracts.CalendarSpec;
import org.openbpo.contracts.Contracts;
import org.openbpo.contracts.DraftContract;
import org.openbpo.contracts.ServiceLine;
import org.openbpo.contracts.ServiceLineKind;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.testing.Api;
import org.openbpo.testing.IntegrationTest;
import org.openbpo.tenancy.ApiTokens;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.tenancy.InviteUser;
import org.openbpo.tenancy.Role;
import org.openbpo.tenancy.User;
import org.openbpo.tenancy.Users;
import org.openbpo.work.OpenQueue;
import org.openbpo.work.Queue;
import org.openbpo.work.Queues;
import org.openbpo.work.WorkItem;
import org.openbpo.work.WorkItems;
import org.openbpo.work.WorkTypes;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Employees' payroll questions arrive as work items of the client's payroll-question service line: raised by
 * the client's people or the provider's staff, routed to the line's queue, listed on the employee, and
 * never seen by another client.
 */
class PayrollQuestionTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    WorkItems workItems;

    PayrollSetup.Setup setup;
    Queue questionQueue;
    String base;
    String employeeId;
    String requesterToken;

    @BeforeEach
    void aPayrollClientTakingQuestions() {
        setup = PayrollSetup.client(context, IntegrationTest::unique, providerAdministrator());
        questionQueue = takesQuestions(context, setup);
        base = "/api/v1/clients/" + setup.client().id() + "/payroll";
        Api.Response hired = api().as(setup.preparerToken()).post(base + "/employees", PayrollSetup.ukEmployee("E1"));
        assertThat(hired.status()).as(hired.body().toString()).isEqualTo(201);
        employeeId = hired.text("id");
        requesterToken = TenantScope.call(AllowedClients.ALL, () -> {
            User requester = context.getBean(Users.class).invite(new InviteUser(setup.client().id(),
                    unique("hr").toLowerCase() + "@client.test", "Client HR", "long enough password", Set.of(Role.REQUESTER),
                    false, null), providerAdministrator());
            return context.getBean(ApiTokens.class).issue(CurrentUser.of(requester), "tests", null, Duration.ofDays(1)).secret();
        });
    }

    /** A second contract of the client, with a PAYROLL line running the question work type and a queue for it. */
    static Queue takesQuestions(ApplicationContext context, PayrollSetup.Setup client) {
        return TenantScope.call(AllowedClients.ALL, () -> {
            context.getBean(WorkTypes.class).define(client.client().id(), PayrollQuestionWorkType.definition());
            context.getBean(Contracts.class).draft(client.client().id(), new DraftContract("PAYQ-" + client.client().code(),
                    "Payroll helpdesk", "USD", LocalDate.of(2025, 1, 1), null,
                    CalendarSpec.mondayToFriday("America/New_York", "09:00-17:00", List.of()),
                    List.of(new ServiceLine("payroll-questions", "Payroll questions", ServiceLineKind.PAYROLL,
                            PayrollQuestionWorkType.CODE)), List.of(), null));
            return context.getBean(Queues.class).open(client.client().id(), new OpenQueue("payroll-questions",
                    "Payroll questions", "payroll-questions", null, null, null));
        });
    }

    private static Map<String, Object> question(String number, String topic) {
        Map<String, Object> body = new HashMap<>();
        body.put("employeeNumber", number);
        body.put("topic", topic);
        body.put("question", "My March payslip shows emergency tax; my code should be 1257L.");
        return body;
    }

    @Test
    void aQuestionBecomesAWorkItemOfThePayrollQuestionLineThatAnAgentGetsNext() {
        Api.Response raised = api().as(setup.approverToken()).post(base + "/questions", question("E1", "TAX"));
        assertThat(raised.status()).as(raised.body().toString()).isEqualTo(201);
        long id = raised.body().path("workItemId").asLong();
        assertThat(raised.text("employeeName")).isEqualTo("Alys Morgan");
        assertThat(raised.text("state")).isEqualTo("new");
        assertThat(raised.text("status")).isEqualTo("NEW");
        assertThat(raised.text("serviceLine")).isEqualTo("payroll-questions");

        Api.Response item = api().as(setup.preparerToken()).get("/api/v1/clients/" + setup.client().id() + "/work-items/" + id);
        assertThat(item.status()).as(item.body().toString()).isEqualTo(200);
        assertThat(item.text("workType")).isEqualTo(PayrollQuestionWorkType.CODE);
        assertThat(item.text("serviceLine")).isEqualTo("payroll-questions");
        assertThat(item.text("queueId")).isEqualTo(questionQueue.id().toString());
        assertThat(item.body().path("form").path("employeeNumber").asString()).isEqualTo("E1");
        assertThat(item.body().path("form").path("topic").asString()).isEqualTo("TAX");
        assertThat(item.body().path("form").path("question").asString()).contains("emergency tax");
        assertThat(item.body().path("form").has("payRun")).as("no run named, none stored").isFalse();

        CurrentUser agent = CurrentUser.of(setup.checker());
        Optional<WorkItem> next = TenantScope.call(agent.allowedClients(),
                () -> workItems.claimNext(agent, Set.of(questionQueue.id()), Integer.MAX_VALUE));
        assertThat(next).map(WorkItem::id).contains(id);
        assertThat(next.get().assigneeId()).isEqualTo(setup.checker().id());
    }

    @Test
    void theEmployeesHistoryListsTheirQuestionsNewestFirstWithWhereTheyStand() {
        Api.Response first = api().as(requesterToken).post(base + "/questions", question("E1", "PAYSLIP"));
        assertThat(first.status()).as("a requester of the client may raise one: " + first.body()).isEqualTo(201);
        clock.advance(Duration.ofMinutes(5));
        long run = api().as(setup.preparerToken()).post(base + "/pay-runs", Map.of("payGroup", "UK-M", "periodEnd", "2026-01-31"))
                .body().path("id").asLong();
        Map<String, Object> aboutRun = question("E1", "PAY_AMOUNT");
        aboutRun.put("payRun", run);
        Api.Response second = api().as(setup.preparerToken()).post(base + "/questions", aboutRun);
        assertThat(second.status()).as(second.body().toString()).isEqualTo(201);
        assertThat(second.body().path("payRun").asLong()).isEqualTo(run);

        Api.Response history = api().as(setup.checkerToken()).get(base + "/employees/" + employeeId + "/questions");
        assertThat(history.status()).as(history.body().toString()).isEqualTo(200);
        assertThat(history.body().size()).isEqualTo(2);
        assertThat(history.body().get(0).path("workItemId").asLong()).isEqualTo(second.body().path("workItemId").asLong());
        assertThat(history.body().get(0).path("title").asString()).contains("PAY_AMOUNT", "Alys Morgan", "pay run " + run);
        assertThat(history.body().get(1).path("workItemId").asLong()).isEqualTo(first.body().path("workItemId").asLong());
        assertThat(history.body().get(1).path("status").asString()).isEqualTo("NEW");
        assertThat(history.body().get(1).path("createdAt").asString()).isNotBlank();

        Api.Response someoneElse = api().as(setup.preparerToken()).post(base + "/employees", PayrollSetup.ukEmployee("E2"));
        assertThat(api().as(setup.checkerToken()).get(base + "/employees/" + someoneElse.text("id") + "/questions").body().size())
                .as("another employee has none").isZero();
    }

    @Test
    void aRetriedRaiseWithTheSameIdempotencyKeyRaisesOneQuestion() {
        Api hr = api().as(setup.approverToken()).header("Idempotency-Key", unique("question"));
        Api.Response first = hr.post(base + "/questions", question("E1", "DEDUCTION"));
        Api.Response retried = hr.post(base + "/questions", question("E1", "DEDUCTION"));
        assertThat(first.status()).as(first.body().toString()).isEqualTo(201);
        assertThat(retried.status()).isEqualTo(201);
        assertThat(retried.body().path("workItemId").asLong()).isEqualTo(first.body().path("workItemId").asLong());
        assertThat(api().as(setup.checkerToken()).get(base + "/employees/" + employeeId + "/questions").body().size())
                .as("one work item, not two").isEqualTo(1);
    }

    @Test
    void badInputIsNamedWithItsField() {
        Api hr = api().as(setup.approverToken());
        Api.Response unknown = hr.post(base + "/questions", question("E404", "TAX"));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.text("field")).isEqualTo("employeeNumber");
        assertThat(unknown.text("detail")).contains("E404");

        Api.Response topic = hr.post(base + "/questions", question("E1", "HOLIDAY"));
        assertThat(topic.status()).isEqualTo(422);
        assertThat(topic.text("field")).isEqualTo("topic");
        assertThat(topic.text("detail")).contains("PAY_MISSING", "HOLIDAY");

        Map<String, Object> noQuestion = question("E1", "TAX");
        noQuestion.put("question", "  ");
        assertThat(hr.post(base + "/questions", noQuestion).text("field")).isEqualTo("question");
        noQuestion.put("question", "x".repeat(4_001));
        Api.Response tooLong = hr.post(base + "/questions", noQuestion);
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(tooLong.text("field")).isEqualTo("question");

        Map<String, Object> noRun = question("E1", "PAY_MISSING");
        noRun.put("payRun", 999_999_999L);
        Api.Response run = hr.post(base + "/questions", noRun);
        assertThat(run.status()).isEqualTo(422);
        assertThat(run.text("field")).isEqualTo("payRun");

        noRun.put("payRun", "last month");
        Api.Response notANumber = hr.post(base + "/questions", noRun);
        assertThat(notANumber.status()).as(notANumber.body().toString()).isBetween(400, 422);

        assertThat(api().as(setup.checkerToken()).get(base + "/employees/" + employeeId + "/questions").body().size())
                .as("nothing refused was raised").isZero();
    }

    @Test
    void aContractWithoutAQuestionLineIsSaidSo() {
        PayrollSetup.Setup plain = PayrollSetup.client(context, IntegrationTest::unique, providerAdministrator());
        String plainBase = "/api/v1/clients/" + plain.client().id() + "/payroll";
        assertThat(api().as(plain.preparerToken()).post(plainBase + "/employees", PayrollSetup.ukEmployee("E1")).status()).isEqualTo(201);
        Api.Response refused = api().as(plain.approverToken()).post(plainBase + "/questions", question("E1", "TAX"));
        assertThat(refused.status()).as(refused.body().toString()).isEqualTo(409);
        assertThat(refused.text("detail")).contains("payroll-question");
    }

    @Test
    void anotherClientsIdsAreNotFound() {
        PayrollSetup.Setup other = PayrollSetup.client(context, IntegrationTest::unique, providerAdministrator());
        takesQuestions(context, other);
        String theirBase = "/api/v1/clients/" + other.client().id() + "/payroll";
        String theirEmployee = api().as(other.preparerToken()).post(theirBase + "/employees", PayrollSetup.ukEmployee("T1")).text("id");
        long theirRun = api().as(other.preparerToken()).post(theirBase + "/pay-runs", Map.of("payGroup", "UK-M", "periodEnd", "2026-01-31"))
                .body().path("id").asLong();
        assertThat(api().as(other.approverToken()).post(theirBase + "/questions", question("T1", "TAX")).status()).isEqualTo(201);

        for (String token : List.of(setup.preparerToken(), setup.approverToken(), requesterToken)) {
            Api api = api().as(token);
            assertThat(api.post(theirBase + "/questions", question("T1", "TAX")).status()).isEqualTo(404);
            assertThat(api.get(theirBase + "/employees/" + theirEmployee + "/questions").status()).isEqualTo(404);
            assertThat(api.get(base + "/employees/" + theirEmployee + "/questions").status()).as("their employee under our client")
                    .isEqualTo(404);
            Api.Response theirNumber = api.post(base + "/questions", question("T1", "TAX"));
            assertThat(theirNumber.status()).as("their employee number is not ours").isEqualTo(422);
            assertThat(theirNumber.text("field")).isEqualTo("employeeNumber");
        }
        Map<String, Object> theirRunHere = question("E1", "PAY_AMOUNT");
        theirRunHere.put("payRun", theirRun);
        Api.Response run = api().as(setup.approverToken()).post(base + "/questions", theirRunHere);
        assertThat(run.status()).isEqualTo(422);
        assertThat(run.text("field")).isEqualTo("payRun");
        assertThat(api().as(other.checkerToken()).get(theirBase + "/employees/" + theirEmployee + "/questions").body().size())
                .as("only their own question").isEqualTo(1);
    }

    @Test
    void theProvidersQaAnalystsDoNotRaiseQuestions() {
        String qaToken = TenantScope.call(AllowedClients.ALL, () -> {
            User qa = context.getBean(Users.class).invite(new InviteUser(null, unique("qa").toLowerCase() + "@provider.test",
                    "QA analyst", "long enough password", Set.of(Role.QA_ANALYST), false, Set.of(setup.client().id())),
                    providerAdministrator());
            return context.getBean(ApiTokens.class).issue(CurrentUser.of(qa), "tests", null, Duration.ofDays(1)).secret();
        });
        assertThat(api().as(qaToken).post(base + "/questions", question("E1", "TAX")).status()).isEqualTo(403);
    }
}

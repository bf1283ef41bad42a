package org.openbpo.work;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openbpo.shared.error.NotFound;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.testing.IntegrationTest;
import org.openbpo.work.WorkItemComments.Visibility;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkItemCommentsTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    WorkItems workItems;
    @Autowired
    WorkItemComments comments;

    WorkFixture.Setup setup;
    WorkFixture.Setup other;

    @BeforeEach
    void twoClients() {
        CurrentUser admin = providerAdministrator();
        setup = new WorkFixture(context).clientUnderContract(admin, unique("CMT"));
        other = new WorkFixture(context).clientUnderContract(admin, unique("CMO"));
    }

    @Test
    void commentsAndFilesJoinTheItemAndItsTimelineWithoutMovingIt() {
        var id = setup.client().id();
        WorkItem item = asAgent(() -> workItems.create(id, new CreateWorkItem("support", null, null, "Where is my refund?",
                Map.of("description", "Ordered in May"), "EMAIL"), CurrentUser.of(setup.maker())));

        asAgent(() -> comments.add(id, item.id(), "ann@customer.test", "Any news?", Visibility.CLIENT));
        asAgent(() -> comments.add(id, item.id(), setup.maker().email(), "Checked the ledger", Visibility.INTERNAL));
        var file = asAgent(() -> comments.attach(id, item.id(), "receipt.pdf", "application/pdf",
                "%PDF-1.7".getBytes(StandardCharsets.US_ASCII), "ann@customer.test"));

        assertThat(asAgent(() -> comments.of(id, item.id()))).extracting(WorkItemComments.Comment::body, WorkItemComments.Comment::visibility)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Any news?", Visibility.CLIENT),
                        org.assertj.core.groups.Tuple.tuple("Checked the ledger", Visibility.INTERNAL));
        assertThat(asAgent(() -> comments.attachments(id, item.id()))).singleElement()
                .satisfies(a -> assertThat(a.sizeBytes()).isEqualTo(8));
        assertThat(asAgent(() -> new String(comments.content(id, item.id(), file.id()), StandardCharsets.US_ASCII))).isEqualTo("%PDF-1.7");
        assertThat(asAgent(() -> workItems.timeline(id, item.id()))).extracting(TimelineEntry::type)
                .containsExactly("created", "commented", "commented", "attached");
        assertThat(asAgent(() -> workItems.get(id, item.id())).state()).isEqualTo("new");
    }

    @Test
    void aCustomersAnswerResumesAnItemWaitingOnThemAndOnlyThat() {
        var id = setup.client().id();
        CurrentUser agent = CurrentUser.of(setup.maker());
        CurrentUser customer = new CurrentUser(java.util.UUID.randomUUID(), id, "ann@customer.test", "Ann",
                java.util.Set.of(org.openbpo.tenancy.Role.REQUESTER), AllowedClients.only(id), null);
        WorkItem item = asAgent(() -> workItems.create(id, new CreateWorkItem("support", null, null, "Refund",
                Map.of("description", "Ordered in May"), "EMAIL"), customer));
        asAgent(() -> workItems.move(id, item.id(), new MoveWorkItem("open", null), agent));
        asAgent(() -> comments.customerAnswered(id, item.id(), "An answer while open", customer));
        assertThat(asAgent(() -> workItems.get(id, item.id())).state()).isEqualTo("open");

        clock.advance(java.time.Duration.ofMinutes(10));
        WorkItem waiting = asAgent(() -> workItems.move(id, item.id(), new MoveWorkItem("waiting_on_customer", "Which order?"), agent));
        assertThat(waiting.sla().dueAt()).isNull();
        clock.advance(java.time.Duration.ofHours(2));
        asAgent(() -> comments.customerAnswered(id, item.id(), "Order 4471", customer));

        WorkItem resumed = asAgent(() -> workItems.get(id, item.id()));
        assertThat(resumed.state()).isEqualTo("open");
        assertThat(resumed.sla().dueAt()).isNotNull();
        assertThat(asAgent(() -> workItems.timeline(id, item.id()))).extracting(TimelineEntry::type)
                .containsExactly("created", "moved", "commented", "moved", "commented", "moved");
    }

    @Test
    void theProvidersFirstAnswerIsTheItemsFirstResponse() {
        var id = setup.client().id();
        CurrentUser agent = CurrentUser.of(setup.maker());
        WorkItem item = asAgent(() -> workItems.create(id, new CreateWorkItem("support", null, null, "Cancel my policy",
                Map.of("description", "From next month"), "EMAIL"), CurrentUser.of(setup.requester())));
        assertThat(item.firstResponseDueAt()).isNotNull();

        clock.advance(java.time.Duration.ofMinutes(20));
        java.time.Instant answered = clock.instant();
        asAgent(() -> comments.respond(id, item.id(), "We have cancelled it from 1 April.", agent));
        clock.advance(java.time.Duration.ofMinutes(20));
        asAgent(() -> comments.respond(id, item.id(), "The refund follows.", agent));

        WorkItem after = asAgent(() -> workItems.get(id, item.id()));
        assertThat(after.firstRespondedAt()).isEqualTo(answered);
        assertThat(after.state()).isEqualTo("new");
        assertThat(asAgent(() -> workItems.timeline(id, item.id()))).extracting(TimelineEntry::type)
                .containsExactly("created", "commented", "first-response", "commented");
        assertThatThrownBy(() -> asAgent(() -> comments.respond(id, item.id(), "x", CurrentUser.of(setup.requester()))))
                .isInstanceOf(org.openbpo.shared.error.BusinessRuleViolation.class);
    }

    @Test
    void anotherClientsItemIsNotFound() {
        WorkItem theirs = asAgent(() -> workItems.create(other.client().id(), new CreateWorkItem("support", null, null, "Theirs",
                Map.of("description", "x"), "EMAIL"), CurrentUser.of(other.maker())));

        assertThatThrownBy(() -> TenantScope.call(AllowedClients.only(setup.client().id()),
                () -> comments.add(other.client().id(), theirs.id(), "x@y.test", "sneaky", Visibility.CLIENT)))
                .isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> asAgent(() -> comments.add(setup.client().id(), theirs.id(), "x@y.test", "wrong client",
                Visibility.CLIENT))).isInstanceOf(NotFound.class);
        assertThat(asAgent(() -> comments.of(other.client().id(), theirs.id()))).isEmpty();
    }

    private <T> T asAgent(java.util.concurrent.Callable<T> work) {
        return TenantScope.call(AllowedClients.ALL, work);
    }
}

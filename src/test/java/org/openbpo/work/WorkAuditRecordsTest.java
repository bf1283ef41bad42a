package org.openbpo.work;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openbpo.audit.AuditEntry;
import org.openbpo.audit.AuditTrail;
import org.openbpo.contracts.Priority;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.testing.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Raising, assigning and moving an item write its audit record in the statement that makes the
 * change: one record each, naming the item's client and id, and nothing when the change does not
 * happen or is rolled back.
 */
class WorkAuditRecordsTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    WorkItems workItems;
    @Autowired
    AuditTrail audit;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;

    WorkFixture.Setup setup;
    CurrentUser agent;
    UUID client;

    @BeforeEach
    void aClientUnderContract() {
        setup = new WorkFixture(context).clientUnderContract(providerAdministrator(), unique("WAR"));
        agent = CurrentUser.of(setup.maker());
        client = setup.client().id();
    }

    @Test
    void raisingAssigningAndMovingEachWriteOneRecordOfTheItem() {
        WorkItem raised = raise("Parcel not delivered");
        WorkItem other = raise("Second parcel");

        Optional<WorkItem> claimed = asAgent(() -> workItems.claimNext(agent, Set.of(setup.supportQueue().id()), 10));
        assertThat(claimed).map(WorkItem::id).contains(raised.id());
        asAgent(() -> workItems.move(client, raised.id(), new MoveWorkItem("solved", null), agent));

        List<AuditEntry> history = history(raised.id());
        assertThat(history).extracting(AuditEntry::action)
                .containsExactly("work-item.created", "work-item.assigned", "work-item.moved");
        assertThat(history).allSatisfy(entry -> {
            assertThat(entry.clientId()).isEqualTo(client);
            assertThat(entry.entityType()).isEqualTo("work-item");
            assertThat(entry.entityId()).isEqualTo(String.valueOf(raised.id()));
        });
        assertThat(history.get(0).before()).isNull();
        assertThat(history.get(0).after()).contains("\"title\":\"Parcel not delivered\"", "\"serviceLine\":\"support\"");
        assertThat(history.get(1).after()).isEqualTo("{\"assignee\":\"" + agent.id() + "\"}");
        assertThat(history.get(2).before()).isEqualTo("{\"state\":\"new\"}");
        assertThat(history.get(2).after()).isEqualTo("{\"state\":\"solved\"}");
        // The item nobody claimed or moved has only its own creation on record.
        assertThat(history(other.id())).extracting(AuditEntry::action).containsExactly("work-item.created");
    }

    @Test
    void getNextWithNothingToTakeRecordsNothing() {
        long before = records();
        Optional<WorkItem> claimed = asAgent(() -> workItems.claimNext(agent, Set.of(setup.backOfficeQueue().id()), 10));
        assertThat(claimed).isEmpty();
        assertThat(records()).isEqualTo(before);
    }

    @Test
    void aMoveRolledBackLeavesNoRecord() {
        WorkItem raised = raise("Rolled back");
        assertThatThrownBy(() -> asAgent(() -> transactions.execute(tx -> {
            workItems.move(client, raised.id(), new MoveWorkItem("solved", null), agent);
            throw new IllegalStateException("the caller's transaction fails after the move");
        }))).hasMessageContaining("after the move");
        assertThat(history(raised.id())).extracting(AuditEntry::action).containsExactly("work-item.created");
        assertThat(TenantScope.call(AllowedClients.ALL, () -> workItems.get(client, raised.id()).state())).isEqualTo("new");
    }

    private WorkItem raise(String title) {
        return TenantScope.call(AllowedClients.ALL, () -> workItems.create(client, new CreateWorkItem("support", null,
                Priority.NORMAL, title, Map.of("description", title), null), CurrentUser.of(setup.requester())));
    }

    private <T> T asAgent(java.util.concurrent.Callable<T> work) {
        return TenantScope.call(agent.allowedClients(), work);
    }

    private List<AuditEntry> history(long id) {
        return TenantScope.call(AllowedClients.ALL, () -> audit.history(client, "work-item", id));
    }

    private long records() {
        return TenantScope.call(AllowedClients.ALL, () -> transactions.execute(tx ->
                jdbc.sql("select count(*) from audit.record where client_id = ?").param(client).query(Long.class).single()));
    }
}

package org.openbpo.workforce;

import org.junit.jupiter.api.Test;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.tenancy.Client;
import org.openbpo.tenancy.Role;
import org.openbpo.testing.Api;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Certifications and residency are client-owned: another client's id answers 404 on every
 * workforce endpoint that takes one, and the database itself hides the rows.
 */
class WorkforceIsolationTest extends WorkforceTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void anotherClientsIdIsNotFoundOnEveryEndpointThatTakesOne() {
        Client own = client("OWN");
        Client other = client("OTHER");
        DeliveryCentre centre = centre(centreCommand("Asia/Manila", officeHours(), List.of()));
        Staff agent = staff(Role.AGENT, Set.of());
        TenantScope.run(AllowedClients.ALL, () -> {
            agents.enrol(new EnrolAgent(agent.id(), centre.id(), null, 2, null, null), providerAdministrator());
            agents.certify(agent.id(), new CertifyAgent(other.id()), providerAdministrator());
            centres.allowClient(centre.id(), other.id(), providerAdministrator());
        });

        Staff limitedAdmin = staff(Role.ADMINISTRATOR, Set.of(own.id()));
        Staff limitedOps = staff(Role.OPERATIONS_MANAGER, Set.of(own.id()));
        Staff clientAdmin = clientUser(own, Role.CLIENT_ADMINISTRATOR);
        for (Staff caller : List.of(limitedAdmin, limitedOps, clientAdmin)) {
            Api api = api().as(caller.token());
            Map<String, Api.Response> attempts = Map.of(
                    "allow client at centre", api.post("/api/v1/centres/" + centre.id() + "/clients",
                            Map.of("clientId", other.id().toString())),
                    "disallow client at centre", api.delete("/api/v1/centres/" + centre.id() + "/clients/" + other.id()),
                    "certify agent", api.post("/api/v1/agents/" + agent.id() + "/certifications",
                            Map.of("clientId", other.id().toString())),
                    "revoke certification", api.delete("/api/v1/agents/" + agent.id() + "/certifications/" + other.id()));
            attempts.forEach((what, response) -> {
                assertThat(response.status()).as(caller.user().roles() + " " + what + ": " + response.body()).isEqualTo(404);
                assertThat(response.text("code")).as(what).isEqualTo("not-found");
            });
        }
        // The limited staff also do not see the other client in lists.
        Api limited = api().as(limitedAdmin.token());
        assertThat(limited.get("/api/v1/centres/" + centre.id() + "/clients").body().path("items").size()).isZero();
        assertThat(limited.get("/api/v1/agents/" + agent.id() + "/certifications").body().path("items").size()).isZero();
        // Nothing was removed.
        assertThat(TenantScope.call(AllowedClients.ALL, () -> agents.eligibility(agent.id())))
                .satisfies(e -> assertThat(e.certifiedClients()).containsExactly(other.id()))
                .satisfies(e -> assertThat(e.centreMayServe()).containsExactly(other.id()));
    }

    @Test
    void theDatabaseHidesClientAsCertificationsFromATransactionScopedToClientB() {
        Client a = client("RLSA");
        Client b = client("RLSB");
        DeliveryCentre centre = centre(centreCommand("Asia/Manila", officeHours(), List.of()));
        Staff agent = staff(Role.AGENT, Set.of());
        TenantScope.run(AllowedClients.ALL, () -> {
            agents.enrol(new EnrolAgent(agent.id(), centre.id(), null, 2, null, null), providerAdministrator());
            agents.certify(agent.id(), new CertifyAgent(a.id()), providerAdministrator());
            agents.certify(agent.id(), new CertifyAgent(b.id()), providerAdministrator());
            centres.allowClient(centre.id(), a.id(), providerAdministrator());
        });

        // No tenant predicate in these queries on purpose: only the policy stands between B and A's rows.
        List<UUID> seenAsB = TenantScope.call(AllowedClients.only(b.id()), () -> transactions.execute(tx -> {
            assertThat(jdbc.sql("select current_setting('openbpo.clients', true)").query(String.class).single())
                    .isEqualTo(b.id().toString());
            return jdbc.sql("select client_id from workforce.agent_certification where agent_user_id = ?")
                    .param(agent.id()).query(UUID.class).list();
        }));
        assertThat(seenAsB).containsExactly(b.id());
        Integer aRowsAsB = TenantScope.call(AllowedClients.only(b.id()), () -> transactions.execute(tx ->
                jdbc.sql("select count(*) from workforce.agent_certification where client_id = ?").param(a.id())
                        .query(Integer.class).single()));
        assertThat(aRowsAsB).isZero();
        Integer residencyAsB = TenantScope.call(AllowedClients.only(b.id()), () -> transactions.execute(tx ->
                jdbc.sql("select count(*) from workforce.centre_client where centre_id = ?").param(centre.id())
                        .query(Integer.class).single()));
        assertThat(residencyAsB).isZero();
        // Nor can B remove A's rows: the delete finds nothing to delete.
        Integer deletedAsB = TenantScope.call(AllowedClients.only(b.id()), () -> transactions.execute(tx ->
                jdbc.sql("delete from workforce.agent_certification where client_id = ?").param(a.id()).update()));
        assertThat(deletedAsB).isZero();

        List<UUID> seenByAll = TenantScope.call(AllowedClients.ALL, () -> transactions.execute(tx ->
                jdbc.sql("select client_id from workforce.agent_certification where agent_user_id = ?")
                        .param(agent.id()).query(UUID.class).list()));
        assertThat(seenByAll).containsExactlyInAnyOrder(a.id(), b.id());
    }
}

package org.openbpo.support;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.testing.Api;
import org.openbpo.testing.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A customer writes by email and calls from a phone: two records at first, one person once a
 * conversation names both contacts, or once an agent merges them; tickets follow the person.
 */
class CustomerRecordsTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    CustomerRecords customers;
    @Autowired
    TransactionTemplate transactions;

    SupportFixture.Desk desk;
    String base;

    @BeforeEach
    void aClientWithASupportLine() {
        desk = SupportFixture.desk(context, providerAdministrator(), unique("CUS"), null, null);
        base = "/api/v1/clients/" + desk.clientId() + "/support";
    }

    @Test
    void ticketsFromTwoChannelsMeetInOneRecordWhenAConversationNamesBothContacts() {
        Api client = api().as(desk.setup().requesterToken());
        Api agent = api().as(desk.setup().makerToken());
        long byEmail = client.post(base + "/tickets", Map.of("subject", "Card declined", "description", "Visa refused",
                "customerEmail", "Gwen@Customer.test")).body().path("id").asLong();
        Api.Response emailCustomer = agent.get(base + "/tickets/" + byEmail + "/customer");
        assertThat(emailCustomer.status()).as(emailCustomer.body().toString()).isEqualTo(200);
        String gwen = emailCustomer.body().path("customer").path("id").asString();
        assertThat(emailCustomer.body().path("customer").path("contacts").get(0).path("value").asString()).isEqualTo("gwen@customer.test");

        Api.Response byPhone = agent.post(base + "/customers", Map.of("phone", "+44 20 7946 0018", "name", "G. Jones"));
        assertThat(byPhone.status()).as(byPhone.body().toString()).isEqualTo(201);
        String caller = byPhone.text("id");
        assertThat(caller).isNotEqualTo(gwen);

        // A chat in which she gives both: one person, the older record survives with both contacts.
        Customer one = TenantScope.call(AllowedClients.only(desk.clientId()), () -> transactions.execute(tx ->
                customers.identify(desk.clientId(), new IdentifyCustomer("Gwen Jones", "Jones & Co", "gwen@customer.test", "+4420 7946 0018"))));
        assertThat(one.id().toString()).isEqualTo(gwen);
        assertThat(one.contacts()).extracting(Customer.Contact::value).containsExactlyInAnyOrder("gwen@customer.test", "+442079460018");
        assertThat(one.name()).as("what the records knew is kept").isEqualTo("G. Jones");
        assertThat(one.organisation()).as("what they did not know is filled in").isEqualTo("Jones & Co");

        Api.Response merged = agent.get(base + "/customers/" + caller);
        assertThat(merged.body().path("customer").path("id").asString()).isEqualTo(gwen);
        assertThat(merged.body().path("tickets").get(0).path("itemId").asLong()).isEqualTo(byEmail);
        assertThat(merged.body().path("tickets").get(0).path("channel").asString()).isEqualTo("API");
        assertThat(ids(agent.get(base + "/customers?q=7946"))).containsExactly(gwen);
    }

    @Test
    void anAgentMergesTwoRecordsOfTheSamePersonAndTheirTicketsFollow() {
        Api client = api().as(desk.setup().requesterToken());
        Api agent = api().as(desk.setup().makerToken());
        long first = client.post(base + "/tickets", Map.of("subject", "Where is my parcel", "description", "Order 7",
                "customerEmail", "hal@home.test")).body().path("id").asLong();
        long second = client.post(base + "/tickets", Map.of("subject", "Parcel again", "description", "Order 7",
                "customerEmail", "hal@work.test")).body().path("id").asLong();
        String home = agent.get(base + "/tickets/" + first + "/customer").body().path("customer").path("id").asString();
        String work = agent.get(base + "/tickets/" + second + "/customer").body().path("customer").path("id").asString();

        assertThat(client.post(base + "/customers/" + home + "/merges", Map.of("customerId", work)).status()).isEqualTo(403);
        Api.Response merged = agent.post(base + "/customers/" + home + "/merges", Map.of("customerId", work));
        assertThat(merged.status()).as(merged.body().toString()).isEqualTo(200);
        assertThat(merged.body().path("contacts").valueStream().map(c -> c.path("value").asString()))
                .containsExactlyInAnyOrder("hal@home.test", "hal@work.test");
        assertThat(agent.get(base + "/customers/" + home).body().path("tickets").valueStream().map(t -> t.path("itemId").asLong()))
                .containsExactly(second, first);
        Api.Response again = agent.post(base + "/customers/" + home + "/merges", Map.of("customerId", work));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("code")).isEqualTo("already-merged");
        // New mail from either address finds the one record.
        long third = client.post(base + "/tickets", Map.of("subject", "Thanks", "description", "Arrived",
                "customerEmail", "hal@work.test")).body().path("id").asLong();
        assertThat(agent.get(base + "/tickets/" + third + "/customer").body().path("customer").path("id").asString()).isEqualTo(home);
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        Api agent = api().as(desk.setup().makerToken());
        Api.Response badEmail = agent.post(base + "/customers", Map.of("email", "not-an-address"));
        assertThat(badEmail.status()).isEqualTo(422);
        assertThat(badEmail.text("field")).isEqualTo("email");
        Api.Response badPhone = agent.post(base + "/customers", Map.of("phone", "call me"));
        assertThat(badPhone.status()).isEqualTo(422);
        assertThat(badPhone.text("field")).isEqualTo("phone");
        Api.Response nothing = agent.post(base + "/customers", Map.of("name", "Nobody"));
        assertThat(nothing.status()).isEqualTo(422);
        assertThat(nothing.text("field")).isEqualTo("email");
        String id = agent.post(base + "/customers", Map.of("email", "ivy@customer.test")).text("id");
        Api.Response taken = agent.post(base + "/customers", Map.of("email", "IVY@customer.test"));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.text("code")).isEqualTo("contact-taken");
        Api.Response self = agent.post(base + "/customers/" + id + "/merges", Map.of("customerId", id));
        assertThat(self.status()).isEqualTo(422);
        assertThat(self.text("field")).isEqualTo("customerId");
        assertThat(agent.get(base + "/customers/not-a-uuid").status()).isEqualTo(400);
        assertThat(agent.get(base + "/customers?cursor=zzz").text("field")).isEqualTo("cursor");
    }

    private static List<String> ids(Api.Response page) {
        return page.body().path("items").valueStream().map(item -> item.path("id").asString()).toList();
    }
}

package org.openbpo.support;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openbpo.testing.Api;
import org.openbpo.testing.Browser;
import org.openbpo.testing.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client's knowledge base: customers find public articles in the help centre (in a real
 * browser), agents see the procedures for a ticket beside it; the client's people never see SOPs.
 */
class KnowledgeBaseTest extends IntegrationTest {

    @RegisterExtension
    final Browser browser = new Browser(() -> port);

    @Autowired
    ApplicationContext context;

    SupportFixture.Desk desk;
    String base;
    Api editor;

    @BeforeEach
    void aClientWithAKnowledgeBase() {
        desk = SupportFixture.desk(context, providerAdministrator(), unique("KB"), null, null);
        base = "/api/v1/clients/" + desk.clientId() + "/support";
        editor = api().as(desk.setup().adminToken());
        write("PUBLIC", "windscreen-claims", "How to claim for a chipped windscreen",
                "Call us or use the form. A chip smaller than a coin is repaired free of charge.", null, true);
        write("PUBLIC", "renewal-dates", "When does my policy renew?", "Your renewal date is on your schedule.", null, true);
        write("PUBLIC", "draft-article", "Windscreen draft", "Not ready yet.", null, false);
        write("SOP", "lost-parcels", "Lost parcels: first contact", "1. Check the tracking.\n2. Ask the courier to trace it.",
                "delivery", true);
        write("SOP", "refund-checks", "Refund checks", "Ask a team lead to approve any refund over 500.", null, true);
    }

    @Test
    void aCustomerSearchesTheHelpCentreAndReadsAnArticle() {
        browser.open("/forms/" + desk.setup().client().code() + "/help");
        assertThat(browser.texts("#articles .article-link")).containsExactlyInAnyOrder("How to claim for a chipped windscreen",
                "When does my policy renew?");
        browser.type("#q", "windscreen").clickToLoad("#search");
        assertThat(browser.texts("#articles .article-link")).containsExactly("How to claim for a chipped windscreen");
        assertThat(browser.text("#result-count")).isEqualTo("1 article matches \"windscreen\"");
        browser.clickToLoad("#articles a");
        assertThat(browser.text("#article-title")).isEqualTo("How to claim for a chipped windscreen");
        assertThat(browser.text("#article-body")).contains("repaired free of charge");
        assertThat(browser.findAll("#obpo-chat-open")).as("the chat is offered beside the articles").hasSize(1);
        browser.screenshot("help-centre-article");

        browser.open("/forms/" + desk.setup().client().code() + "/help/lost-parcels");
        assertThat(browser.text("#unavailable h1")).as("procedures are not public").isEqualTo("Not available");
        browser.open("/forms/" + desk.setup().client().code() + "/help/draft-article");
        assertThat(browser.text("#unavailable h1")).as("drafts are not public").isEqualTo("Not available");
        browser.open("/forms/" + desk.setup().client().code() + "/help?q=%22unclosed");
        assertThat(browser.findAll("#no-articles")).hasSize(1);
    }

    @Test
    void anAgentSeesTheProceduresForATicketBesideIt() {
        Api client = api().as(desk.setup().requesterToken());
        long ticket = client.post(base + "/tickets", Map.of("subject", "Nothing arrived", "description", "Order 1234",
                "customerEmail", "dan@customer.test", "category", "delivery")).body().path("id").asLong();
        long refund = client.post(base + "/tickets", Map.of("subject", "Refund of my premium", "description", "Please",
                "customerEmail", "dan@customer.test")).body().path("id").asLong();

        Api agent = api().as(desk.setup().makerToken());
        assertThat(titles(agent.get(base + "/tickets/" + ticket + "/procedures"))).containsExactly("Lost parcels: first contact");
        assertThat(titles(agent.get(base + "/tickets/" + refund + "/procedures"))).containsExactly("Refund checks");
        assertThat(client.get(base + "/tickets/" + ticket + "/procedures").status()).isEqualTo(403);
        assertThat(titles(client.get(base + "/articles"))).as("the client's people see public articles only")
                .containsExactlyInAnyOrder("How to claim for a chipped windscreen", "When does my policy renew?");

        browser.logIn(desk.setup().maker().email(), "long enough password");
        browser.open("/work/" + desk.clientId() + "/" + ticket);
        assertThat(browser.text("#sops summary")).isEqualTo("Lost parcels: first contact");
        assertThat(browser.text("#customer-name")).isEqualTo("dan@customer.test");
        assertThat(browser.text("#customer-tickets")).contains("WI-" + refund);
        browser.screenshot("ticket-with-procedures");

        assertThat(editor.post(base + "/macros", Map.of("name", "Parcel traced", "body",
                "Dear {{customer.name}}, the courier has found your parcel ({{ticket.reference}}).", "moveTo", "solved")).status())
                .isEqualTo(201);
        browser.open("/work/" + desk.clientId() + "/" + ticket);
        browser.clickToLoad(".apply-macro[data-macro='Parcel traced']");
        assertThat(browser.text("#item-state")).isEqualTo("Solved");
        assertThat(agent.get(base + "/tickets/" + ticket + "/comments").body().get(0).path("body").asString())
                .isEqualTo("Dear dan@customer.test, the courier has found your parcel (WI-" + ticket + ").");
    }

    @Test
    void badArticlesAreRefusedNamingTheField() {
        Api.Response slug = editor.post(base + "/articles", Map.of("kind", "PUBLIC", "slug", "Not A Slug", "title", "T", "body", "B",
                "published", true));
        assertThat(slug.status()).isEqualTo(422);
        assertThat(slug.text("field")).isEqualTo("slug");
        Api.Response taken = editor.post(base + "/articles", Map.of("kind", "PUBLIC", "slug", "renewal-dates", "title", "T",
                "body", "B", "published", true));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.text("field")).isEqualTo("slug");
        Api.Response kind = editor.post(base + "/articles", Map.of("kind", "SECRET", "slug", "x", "title", "T", "body", "B",
                "published", true));
        assertThat(kind.status()).isEqualTo(400);
        assertThat(api().as(desk.setup().makerToken()).post(base + "/articles", Map.of("kind", "SOP", "slug", "x", "title", "T",
                "body", "B", "published", true)).status()).isEqualTo(403);
    }

    private void write(String kind, String slug, String title, String body, String category, boolean published) {
        Map<String, Object> article = new java.util.HashMap<>(Map.of("kind", kind, "slug", slug, "title", title, "body", body,
                "published", published));
        if (category != null) {
            article.put("category", category);
        }
        Api.Response written = editor.post(base + "/articles", article);
        assertThat(written.status()).as(written.body().toString()).isEqualTo(201);
    }

    private static List<String> titles(Api.Response articles) {
        return articles.body().valueStream().map(a -> a.path("title").asString()).toList();
    }
}

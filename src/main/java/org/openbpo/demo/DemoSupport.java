package org.openbpo.demo;

import org.openbpo.support.Article;
import org.openbpo.support.ConfigureChannel;
import org.openbpo.support.IdentifyCustomer;
import org.openbpo.support.CustomerRecords;
import org.openbpo.support.KnowledgeBase;
import org.openbpo.support.Macros;
import org.openbpo.support.SupportChannels;
import org.openbpo.support.WriteArticle;
import org.openbpo.support.WriteMacro;
import org.openbpo.tenancy.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * Lakeshore Retail's front office: its support channel with the public form, chat and help centre
 * switched on (no mail servers in the demo), help-centre articles, the agents' procedures, macros
 * and a customer who wrote by email and called from her phone.
 */
@Component
class DemoSupport {

    private final SupportChannels channels;
    private final KnowledgeBase knowledge;
    private final Macros macros;
    private final CustomerRecords customers;

    DemoSupport(SupportChannels channels, KnowledgeBase knowledge, Macros macros, CustomerRecords customers) {
        this.channels = channels;
        this.knowledge = knowledge;
        this.macros = macros;
        this.customers = customers;
    }

    void load(DemoData.DemoClients clients, CurrentUser admin) {
        var lakeshore = clients.lakeshore().id();
        channels.configure(lakeshore, new ConfigureChannel("customer-support", "help@lakeshore.example", null, null,
                "help@lakeshore.example", "Lakeshore Retail Customer Care", "Lakeshore Retail — Customer Care", "#0b6e4f", true), admin);
        article(lakeshore, admin, Article.Kind.PUBLIC, "track-your-order", "How do I track my order?",
                "Open the email we sent when your order shipped and follow the tracking link. Orders ship within two working days.", null);
        article(lakeshore, admin, Article.Kind.PUBLIC, "returns-and-refunds", "Returns and refunds",
                "You can return any item within 30 days. Refunds reach your card within 5 working days of our receiving the return.", null);
        article(lakeshore, admin, Article.Kind.PUBLIC, "damaged-delivery", "My delivery arrived damaged",
                "Take a photo of the parcel and the item and send it to us through the form or the chat; we send a replacement at once.", null);
        article(lakeshore, admin, Article.Kind.SOP, "damaged-goods", "Damaged goods: replacement without return",
                "1. Ask for a photo.\n2. Orders under $150: replace at once, no return.\n3. Over $150: open a carrier claim first.", "delivery");
        article(lakeshore, admin, Article.Kind.SOP, "refund-approval", "Refunds over $500 need a team lead",
                "Refunds over $500 are approved by the team lead on shift before the agent confirms them to the customer.", "refund");
        macros.write(lakeshore, new WriteMacro("Replacement on its way",
                "Dear {{customer.name}},\n\nwe are sorry your order arrived damaged. A replacement is on its way; you do not need to "
                        + "return anything.\n\nYour reference is {{ticket.reference}}.\n\n{{agent.name}}, {{client.name}}", "solved"), admin);
        macros.write(lakeshore, new WriteMacro("Refund confirmed",
                "Dear {{customer.name}},\n\nyour refund has been issued and will reach your card within 5 working days.\n\n"
                        + "{{agent.name}}, {{client.name}}", "solved"), admin);
        customers.identify(lakeshore, new IdentifyCustomer("Grace Lee", null, "grace.lee@example.com", "+1 312 555 0147"));
    }

    private void article(java.util.UUID client, CurrentUser admin, Article.Kind kind, String slug, String title, String body,
                         String category) {
        knowledge.write(client, new WriteArticle(kind, slug, title, body, category, true), admin);
    }
}

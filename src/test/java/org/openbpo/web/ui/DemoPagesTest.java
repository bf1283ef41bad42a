package org.openbpo.web.ui;

import org.junit.jupiter.api.Test;
import org.openbpo.demo.DemoData;
import org.openbpo.demo.DemoLogins;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.tenancy.Client;
import org.openbpo.tenancy.Clients;
import org.openbpo.testing.FormSession;
import org.openbpo.testing.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.http.HttpResponse;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every demo login follows the links its pages show, as someone finding their way around would: for
 * provider staff once with all their clients and once working for each demo client. A link a page
 * offers must lead somewhere: not to a server error, and not to a page refused to the person it was
 * offered to.
 */
class DemoPagesTest extends IntegrationTest {

    private static final Pattern LINK = Pattern.compile("href=\"(/[^\"#]*)\"");
    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|(?<=/|=)\\d+(?=/|$|&)");
    /** Links that end the session or only fetch page assets. */
    private static final List<String> NOT_FOLLOWED = List.of("/logout", "/css/", "/js/", "/img/", "/webjars/", "/api/");
    /**
     * Pages of one shape (the same path but for its ids; months stay apart, as a month's figures are what
     * differ) read per walk: enough to meet every kind of page.
     */
    private static final int PER_SHAPE = 1;
    private static final int MOST_PAGES = 100;

    @Autowired
    DemoData demoData;
    @Autowired
    Clients clients;

    @Test
    void everyLinkADemoLoginIsShownLeadsToAPage() throws Exception {
        demoData.loadOnce();
        List<Client> demoClients = TenantScope.call(AllowedClients.ALL, () -> clients.page(null, 10_000).stream()
                .filter(c -> Set.of("LAKESHORE", "ALBION", "KAVERI").contains(c.code())).toList());
        assertThat(demoClients).hasSize(3);

        List<String> failures = new ArrayList<>();
        int pages = 0;
        for (DemoLogins.Login login : DemoLogins.LOGINS) {
            FormSession session = new FormSession(port, login.email(), DemoLogins.PASSWORD);
            pages += walk(session, login.email() + ", all clients", failures);
            if (login.email().endsWith("@openbpo.example")) {
                String switcher = session.get("/").body();
                for (Client client : demoClients) {
                    if (switcher.contains("value=\"" + client.id() + "\"")) {
                        pages += walk(session.workingFor(client.id()), login.email() + ", working for " + client.code(), failures);
                    }
                }
            }
        }

        assertThat(failures).as(failures.size() + " of " + pages + " pages failed:\n" + String.join("\n", failures)).isEmpty();
        assertThat(pages).as("pages read").isGreaterThan(300);
    }

    /** Reads the pages reachable from the dashboard, breadth first; returns how many it read. */
    private int walk(FormSession session, String who, List<String> failures) throws Exception {
        Deque<String> queue = new ArrayDeque<>(List.of("/"));
        Set<String> seen = new HashSet<>();
        Map<String, Integer> shapes = new HashMap<>();
        int read = 0;
        while (!queue.isEmpty() && read < MOST_PAGES) {
            String path = queue.poll();
            if (!seen.add(path) || shapes.merge(ID.matcher(path).replaceAll("{id}"), 1, Integer::sum) > PER_SHAPE) {
                continue;
            }
            HttpResponse<String> page = session.get(path);
            read++;
            int status = page.statusCode();
            if (status >= 400) {
                failures.add(who + ": " + path + " → " + status);
                continue;
            }
            if (status >= 300) {
                page.headers().firstValue("Location").map(to -> to.replaceFirst("^https?://[^/]+", ""))
                        .filter(to -> to.startsWith("/") && !seen.contains(to)).ifPresent(queue::addFirst);
                continue;
            }
            if (!page.headers().firstValue("Content-Type").orElse("").startsWith("text/html")) {
                continue;
            }
            Matcher link = LINK.matcher(page.body());
            while (link.find()) {
                String target = link.group(1).replace("&amp;", "&");
                if (NOT_FOLLOWED.stream().noneMatch(target::startsWith) && !seen.contains(target)) {
                    queue.add(target);
                }
            }
        }
        return read;
    }
}

package org.openbpo.web.ui;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.openbpo.contracts.Contracts;
import org.openbpo.contracts.Priority;
import org.openbpo.contracts.ServiceLine;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.shared.error.NotFound;
import org.openbpo.tenancy.Client;
import org.openbpo.tenancy.Clients;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.tenancy.Role;
import org.openbpo.tenancy.Users;
import org.openbpo.work.CreateWorkItem;
import org.openbpo.work.MoveWorkItem;
import org.openbpo.work.ServiceLevels;
import org.openbpo.work.WorkItem;
import org.openbpo.work.WorkItems;
import org.openbpo.work.WorkTypes;
import org.openbpo.work.domain.StateCategory;
import org.openbpo.work.domain.WorkTypeDefinition;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.ObjectMapper;

import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The client portal: raise a request on any service line of the contract, follow it, answer when
 * it waits on you, and watch the service levels. The client is always the user's own, never one
 * named by the browser.
 */
@Controller
@RequestMapping("/portal")
class ClientPortalPages {

    static final int PAGE_SIZE = 20;
    private static final int WAITING_LIMIT = 50;

    private final WorkItems workItems;
    private final WorkTypes workTypes;
    private final Contracts contracts;
    private final Clients clients;
    private final ServiceLevels serviceLevels;
    private final WorkItemViews views;
    private final Users users;
    private final ObjectMapper json;

    ClientPortalPages(WorkItems workItems, WorkTypes workTypes, Contracts contracts, Clients clients,
                      ServiceLevels serviceLevels, WorkItemViews views, Users users, ObjectMapper json) {
        this.workItems = workItems;
        this.workTypes = workTypes;
        this.contracts = contracts;
        this.clients = clients;
        this.serviceLevels = serviceLevels;
        this.views = views;
        this.users = users;
        this.json = json;
    }

    @GetMapping
    String home(@RequestParam(required = false) @Nullable Long before, @AuthenticationPrincipal CurrentUser user,
                Model model) {
        Client own = ownClient(user);
        List<WorkItem> latest = workItems.latest(own.id(), before == null ? 0 : before, PAGE_SIZE + 1);
        List<WorkItem> shown = latest.subList(0, Math.min(PAGE_SIZE, latest.size()));
        model.addAttribute("client", own);
        model.addAttribute("requests", views.of(shown, List.of(own), user));
        model.addAttribute("olderBefore", latest.size() > PAGE_SIZE ? shown.getLast().id() : null);
        model.addAttribute("firstPage", before == null);
        model.addAttribute("waitingOnYou", views.of(workItems.page(own.id(), StateCategory.PENDING_CLIENT, null, 0,
                WAITING_LIMIT), List.of(own), user));
        model.addAttribute("lines", serviceLines(own));
        slaPanel(own, model);
        return "portal/home";
    }

    /** The live SLA figures, polled by the portal's home page. */
    @GetMapping("/sla")
    String sla(@AuthenticationPrincipal CurrentUser user, Model model) {
        slaPanel(ownClient(user), model);
        return "portal/home :: sla";
    }

    @GetMapping("/requests/new")
    String newRequest(@RequestParam(required = false) @Nullable String line, @AuthenticationPrincipal CurrentUser user,
                      Model model) {
        Client own = ownClient(user);
        List<ServiceLine> lines = serviceLines(own);
        if (line == null && lines.size() == 1) {
            line = lines.getFirst().code();
        }
        return form(own, lines, line, RequestForm.blank(), FormErrors.none(), model);
    }

    @PostMapping("/requests")
    String raise(@RequestParam Map<String, String> params, @AuthenticationPrincipal CurrentUser user, Model model,
                 RedirectAttributes flash) {
        Client own = ownClient(user);
        List<ServiceLine> lines = serviceLines(own);
        RequestForm form = RequestForm.from(params);
        ServiceLine line = lines.stream().filter(l -> l.code().equals(form.serviceLine())).findFirst().orElse(null);
        if (line == null) {
            return form(own, lines, null, form, FormErrors.none().addGeneral("Choose one of your services."), model);
        }
        WorkTypeDefinition type = workTypes.current(own.id(), line.workType()).definition();
        FormErrors errors = form.check(type);
        if (errors.any()) {
            return form(own, lines, line.code(), form, errors, model);
        }
        try {
            WorkItem item = workItems.create(own.id(), new CreateWorkItem(line.code(), null, form.priorityOrNormal(),
                    form.title().strip(), form.values(type), null), user);
            flash.addFlashAttribute("notice", "Request " + item.reference() + " raised. We will keep you posted here.");
            return "redirect:/portal/requests/" + item.id();
        } catch (BusinessRuleViolation e) {
            if (e instanceof NotFound || e.status() == 403) {
                throw e;
            }
            String field = e.field() != null && e.field().startsWith("form.") ? "field." + e.field().substring(5) : e.field();
            FormErrors refused = field != null && (field.startsWith("field.") || field.equals("title"))
                    ? FormErrors.none().add(field, e.getMessage()) : FormErrors.none().addGeneral(e.getMessage());
            return form(own, lines, line.code(), form, refused, model);
        }
    }

    @GetMapping("/requests/{itemId}")
    String request(@PathVariable long itemId, @AuthenticationPrincipal CurrentUser user, Model model) {
        return requestPage(ownClient(user), itemId, user, model, "");
    }

    @PostMapping("/requests/{itemId}/moves")
    String answer(@PathVariable long itemId, @RequestParam String to, @RequestParam(required = false) @Nullable String note,
                  @AuthenticationPrincipal CurrentUser user, Model model, HttpServletResponse response,
                  RedirectAttributes flash) {
        Client own = ownClient(user);
        String text = note == null || note.isBlank() ? null : note.strip();
        try {
            WorkItem moved = workItems.move(own.id(), itemId, new MoveWorkItem(to, text), user);
            flash.addFlashAttribute("notice", "Thank you. " + moved.reference() + " is now "
                    + views.definition(moved).state(moved.state()).label().toLowerCase(Locale.ROOT) + ".");
            return "redirect:/portal/requests/" + itemId;
        } catch (BusinessRuleViolation e) {
            if (e instanceof NotFound) {
                throw e;
            }
            response.setStatus(e.status());
            model.addAttribute("problem", e.getMessage());
            return requestPage(own, itemId, user, model, text == null ? "" : text);
        }
    }

    private String requestPage(Client own, long itemId, CurrentUser user, Model model, String note) {
        WorkItem item = workItems.get(own.id(), itemId);
        WorkItemView view = views.of(item, own, user);
        WorkTypeDefinition type = views.definition(item);
        model.addAttribute("client", own);
        model.addAttribute("view", view);
        model.addAttribute("type", type);
        model.addAttribute("fields", FieldValue.of(type, item));
        model.addAttribute("moves", workItems.movesFor(own.id(), itemId, user));
        model.addAttribute("timeline", TimelineView.of(workItems.timeline(own.id(), itemId), item, type, own.timeZone(),
                user, !users.isProviderStaff(item.requester()), Map.of(), json));
        model.addAttribute("sla", view.sla());
        model.addAttribute("slaUrl", "/portal/requests/" + itemId + "/sla");
        model.addAttribute("note", note);
        model.addAttribute("raised", Moments.at(item.createdAt(), own.timeZone()));
        return "portal/request";
    }

    @GetMapping("/requests/{itemId}/sla")
    String requestSla(@PathVariable long itemId, @AuthenticationPrincipal CurrentUser user, Model model) {
        Client own = ownClient(user);
        WorkItem item = workItems.get(own.id(), itemId);
        model.addAttribute("sla", views.of(item, own, user).sla());
        model.addAttribute("slaUrl", "/portal/requests/" + itemId + "/sla");
        return "work/parts :: sla-panel";
    }

    private String form(Client own, List<ServiceLine> lines, @Nullable String lineCode, RequestForm form, FormErrors errors,
                        Model model) {
        ServiceLine line = lines.stream().filter(l -> l.code().equals(lineCode)).findFirst().orElse(null);
        model.addAttribute("client", own);
        model.addAttribute("lines", lines);
        model.addAttribute("line", line);
        model.addAttribute("type", line == null ? null : workTypes.current(own.id(), line.workType()).definition());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("priorities", Priority.values());
        return "portal/new-request";
    }

    private void slaPanel(Client own, Model model) {
        ServiceLevels.Attainment attainment = serviceLevels.monthToDate(own.id());
        List<ServiceLevels.AgeBand> backlog = serviceLevels.backlogByAge(own.id());
        model.addAttribute("attainment", attainment);
        model.addAttribute("monthName", attainment.month().getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + attainment.month().getYear());
        model.addAttribute("backlog", backlog);
        model.addAttribute("backlogMax", Math.max(1, backlog.stream().mapToLong(ServiceLevels.AgeBand::items).max().orElse(1)));
        model.addAttribute("backlogTotal", backlog.stream().mapToLong(ServiceLevels.AgeBand::items).sum());
    }

    /** The service lines of the contracts in force today: what they may ask for (each once, after a renewal too). */
    private List<ServiceLine> serviceLines(Client own) {
        return contracts.serviceLinesInForce(own.id());
    }

    private Client ownClient(CurrentUser user) {
        if (user.providerStaff() || !(user.has(Role.REQUESTER) || user.has(Role.APPROVER)
                || user.has(Role.CLIENT_ADMINISTRATOR))) {
            throw new BusinessRuleViolation(403, "forbidden", null, "The portal is for the people of a client.");
        }
        return clients.get(user.clientId());
    }
}

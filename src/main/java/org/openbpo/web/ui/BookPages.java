package org.openbpo.web.ui;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.openbpo.ledger.ReportFile;
import org.openbpo.ledger.ReportFiles;
import org.openbpo.ledger.HouseBook;
import org.openbpo.ledger.Reports;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.shared.error.NotFound;
import org.openbpo.tenancy.Client;
import org.openbpo.tenancy.Clients;
import org.openbpo.tenancy.CurrentUser;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A client's books on screen: trial balance, income statement and balance sheet as of any day,
 * each downloadable as PDF or XLSX. Everyone who may see the client may read its books.
 */
@Controller
class BookPages {

    /** The three statements the page switches between. */
    enum View { TRIAL_BALANCE, INCOME_STATEMENT, BALANCE_SHEET }

    private final ClientFocus focus;
    private final Reports reports;
    private final ReportFiles files;
    private final HouseBook house;
    private final Clients clients;
    private final Clock clock;

    BookPages(ClientFocus focus, Reports reports, ReportFiles files, HouseBook house, Clients clients, Clock clock) {
        this.focus = focus;
        this.reports = reports;
        this.files = files;
        this.house = house;
        this.clients = clients;
        this.clock = clock;
    }

    /** The provider's own books (the house), for administrators and billing analysts whichever clients they serve. */
    @GetMapping("/books/house")
    String houseBooks(@RequestParam(required = false) @Nullable String view,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate asOf,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
                      @AuthenticationPrincipal CurrentUser user, Model model) {
        View shown = view(view);
        house.read(user, id -> {
            // The house is the provider's legal entity registered as a client: its zone says which day it is for the provider.
            Client provider = clients.get(id);
            LocalDate to = asOf == null ? today(provider) : asOf;
            LocalDate start = from == null ? to.withDayOfMonth(1) : from;
            if (to.isBefore(start)) {
                throw BusinessRuleViolation.invalid("asOf", "must not be before from");
            }
            model.addAttribute("client", provider);
            model.addAttribute("asOf", to);
            model.addAttribute("from", start);
            switch (shown) {
                case TRIAL_BALANCE -> model.addAttribute("trialBalance", reports.trialBalance(id, to));
                case INCOME_STATEMENT -> model.addAttribute("income", reports.incomeStatement(id, start, to));
                case BALANCE_SHEET -> model.addAttribute("sheet", reports.balanceSheet(id, to));
            }
            return id;
        });
        model.addAttribute("houseBook", true);
        model.addAttribute("booksBase", "/books/house");
        model.addAttribute("downloadBase", "/books/house");
        model.addAttribute("view", shown.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        model.addAttribute("hasBooks", true);
        return "books/reports";
    }

    @GetMapping("/books/house/{report}.{format}")
    ResponseEntity<byte[]> houseDownload(@PathVariable String report, @PathVariable String format,
                                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate asOf,
                                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
                                         @AuthenticationPrincipal CurrentUser user) {
        ReportFile.Format as = ReportFile.Format.of(format);
        View shown = view(report);
        ReportFile file = house.read(user, id -> {
            LocalDate to = asOf == null ? today(clients.get(id)) : asOf;
            return switch (shown) {
                case TRIAL_BALANCE -> files.trialBalance(id, to, as);
                case INCOME_STATEMENT -> files.incomeStatement(id, from == null ? to.withDayOfMonth(1) : from, to, as);
                case BALANCE_SHEET -> files.balanceSheet(id, to, as);
            };
        });
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(file.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file.fileName()).build().toString())
                .body(file.content());
    }

    private @Nullable String houseLink(CurrentUser user) {
        return house.mayRead(user) && house.house().isPresent() ? "/books/house" : null;
    }

    @GetMapping("/books")
    String books(@RequestParam(required = false) @Nullable UUID client,
                 @RequestParam(required = false) @Nullable String view,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate asOf,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
                 @AuthenticationPrincipal CurrentUser user, HttpServletRequest request, Model model) {
        if (client != null) {
            return focus.linkTo(user, client, "/books", model, request);
        }
        Client chosen = focus.chosen(user, request);
        UUID houseId = house.house().orElse(null);
        if (chosen != null && chosen.id().equals(houseId)) {
            if (house.mayRead(user)) {
                return "redirect:/books/house";
            }
            chosen = null; // the house's books are not theirs to read: choose a client
        }
        if (chosen == null) {
            model.addAttribute("houseChoice", houseLink(user));
            // The house's books are offered as "the provider's own books" to those who may read them, to nobody as a client.
            return focus.pick(model, "Books", "/books", houseId);
        }
        model.addAttribute("houseLink", houseLink(user));
        model.addAttribute("houseBook", false);
        model.addAttribute("booksBase", "/books");
        model.addAttribute("downloadBase", "/books/" + chosen.id());
        View shown = view(view);
        LocalDate to = asOf == null ? today(chosen) : asOf;
        LocalDate start = from == null ? to.withDayOfMonth(1) : from;
        if (to.isBefore(start)) {
            throw BusinessRuleViolation.invalid("asOf", "must not be before from");
        }
        model.addAttribute("client", chosen);
        model.addAttribute("view", shown.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        model.addAttribute("asOf", to);
        model.addAttribute("from", start);
        try {
            switch (shown) {
                case TRIAL_BALANCE -> model.addAttribute("trialBalance", reports.trialBalance(chosen.id(), to));
                case INCOME_STATEMENT -> model.addAttribute("income", reports.incomeStatement(chosen.id(), start, to));
                case BALANCE_SHEET -> model.addAttribute("sheet", reports.balanceSheet(chosen.id(), to));
            }
            model.addAttribute("hasBooks", true);
        } catch (NotFound noBooks) {
            model.addAttribute("hasBooks", false);
        }
        return "books/reports";
    }

    @GetMapping("/books/{clientId}/{report}.{format}")
    ResponseEntity<byte[]> download(@PathVariable UUID clientId, @PathVariable String report, @PathVariable String format,
                                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate asOf,
                                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
                                    @AuthenticationPrincipal CurrentUser user) {
        house.requireMayReadIfHouse(clientId, user);
        ReportFile.Format as = ReportFile.Format.of(format);
        LocalDate to = asOf == null ? clients.today(clientId) : asOf;
        ReportFile file = switch (view(report)) {
            case TRIAL_BALANCE -> files.trialBalance(clientId, to, as);
            case INCOME_STATEMENT -> files.incomeStatement(clientId, from == null ? to.withDayOfMonth(1) : from, to, as);
            case BALANCE_SHEET -> files.balanceSheet(clientId, to, as);
        };
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(file.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file.fileName()).build().toString())
                .body(file.content());
    }

    /** The client's business day now: a report "as of today" means the client's today, not the server's. */
    private LocalDate today(Client client) {
        return LocalDate.now(clock.withZone(client.timeZone()));
    }

    private static View view(@Nullable String name) {
        if (name == null || name.isBlank()) {
            return View.TRIAL_BALANCE;
        }
        try {
            return View.valueOf(name.strip().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw BusinessRuleViolation.invalid("view", "must be trial-balance, income-statement or balance-sheet");
        }
    }

    @org.springframework.web.bind.annotation.ModelAttribute("amounts")
    BookAmounts amounts() {
        return new BookAmounts();
    }
}

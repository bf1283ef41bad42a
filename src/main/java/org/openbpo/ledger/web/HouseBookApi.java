package org.openbpo.ledger.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;
import org.openbpo.ledger.Book;
import org.openbpo.ledger.Books;
import org.openbpo.ledger.HouseBook;
import org.openbpo.ledger.IncomeStatement;
import org.openbpo.ledger.Reports;
import org.openbpo.ledger.TrialBalance;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.tenancy.Clients;
import org.openbpo.tenancy.CurrentUser;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/ledger/house")
@Tag(name = "Ledger: the provider's own books", description = "The house book: receivables from issued client invoices")
class HouseBookApi {

    record DesignateHouse(@NotNull UUID clientId, @NotBlank String template, @Nullable String functionalCurrency) {
    }

    record House(UUID clientId, Book book) {
    }

    private final HouseBook house;
    private final Books books;
    private final Reports reports;
    private final Clients clients;

    HouseBookApi(HouseBook house, Books books, Reports reports, Clients clients) {
        this.house = house;
        this.books = books;
        this.reports = reports;
        this.clients = clients;
    }

    @PostMapping
    @Operation(summary = "Designate the provider's legal entity (registered as a client) as the house and open its books (administrators)")
    House designate(@Valid @RequestBody DesignateHouse request, @AuthenticationPrincipal CurrentUser user) {
        Book book = house.designate(request.clientId(), request.template(), request.functionalCurrency(), user);
        return new House(request.clientId(), book);
    }

    @GetMapping
    @Operation(summary = "The house and its books (administrators and billing analysts)")
    House get(@AuthenticationPrincipal CurrentUser user) {
        return house.read(user, id -> new House(id, books.book(id)));
    }

    @GetMapping("/reports/trial-balance")
    @Operation(summary = "The house book's trial balance at the end of a day (default: today)")
    TrialBalance trialBalance(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate asOf,
                              @AuthenticationPrincipal CurrentUser user) {
        // The house is the provider's legal entity registered as a client: its time zone is the provider's.
        return house.read(user, id -> reports.trialBalance(id, asOf == null ? clients.today(id) : asOf));
    }

    @GetMapping("/reports/income-statement")
    @Operation(summary = "The house book's income statement between two days")
    IncomeStatement incomeStatement(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                    @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                    @AuthenticationPrincipal CurrentUser user) {
        if (to.isBefore(from)) {
            throw BusinessRuleViolation.invalid("to", "must not be before from");
        }
        return house.read(user, id -> reports.incomeStatement(id, from, to));
    }
}

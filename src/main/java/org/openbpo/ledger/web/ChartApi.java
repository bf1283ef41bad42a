package org.openbpo.ledger.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.jspecify.annotations.Nullable;
import org.openbpo.ledger.Account;
import org.openbpo.ledger.Book;
import org.openbpo.ledger.Books;
import org.openbpo.ledger.Dimension;
import org.openbpo.ledger.OpenAccount;
import org.openbpo.ledger.domain.ChartTemplates;
import org.openbpo.tenancy.Clients;
import org.openbpo.tenancy.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Ledger: chart of accounts", description = "A client's books, accounts and dimensions")
class ChartApi {

    record OpenBooks(@NotBlank String template, @Nullable String functionalCurrency) {
    }

    private final Books books;
    private final Clients clients;

    ChartApi(Books books, Clients clients) {
        this.books = books;
        this.clients = clients;
    }

    @GetMapping("/ledger/chart-templates")
    @Operation(summary = "The charts of accounts a client's books can start from")
    List<ChartTemplates.Template> templates() {
        return ChartTemplates.all();
    }

    @PostMapping("/clients/{clientId}/ledger/books")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Open the client's books with a chart template (again: no change)")
    Book open(@PathVariable UUID clientId, @Valid @RequestBody OpenBooks request, @AuthenticationPrincipal CurrentUser user) {
        clients.get(clientId);
        Bookkeepers.requireAccountant(user, "open a client's books");
        return books.open(clientId, request.template(), request.functionalCurrency());
    }

    @GetMapping("/clients/{clientId}/ledger/books")
    @Operation(summary = "The client's books: template and functional currency")
    Book book(@PathVariable UUID clientId) {
        return books.book(clientId);
    }

    @GetMapping("/clients/{clientId}/ledger/accounts")
    @Operation(summary = "The chart of accounts, ordered by code")
    List<Account> accounts(@PathVariable UUID clientId) {
        return books.accounts(clientId);
    }

    @GetMapping("/clients/{clientId}/ledger/accounts/{code}")
    @Operation(summary = "One account")
    Account account(@PathVariable UUID clientId, @PathVariable String code) {
        return books.account(clientId, code);
    }

    @PostMapping("/clients/{clientId}/ledger/accounts")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add an account under a heading of its type")
    Account add(@PathVariable UUID clientId, @Valid @RequestBody OpenAccount command, @AuthenticationPrincipal CurrentUser user) {
        books.book(clientId);
        Bookkeepers.requireAccountant(user, "change the chart of accounts");
        return books.add(clientId, command);
    }

    @GetMapping("/clients/{clientId}/ledger/dimensions")
    @Operation(summary = "Cost centres and projects")
    List<Dimension> dimensions(@PathVariable UUID clientId) {
        return books.dimensions(clientId);
    }

    @PostMapping("/clients/{clientId}/ledger/dimensions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a cost centre or project")
    Dimension addDimension(@PathVariable UUID clientId, @Valid @RequestBody Dimension dimension,
                           @AuthenticationPrincipal CurrentUser user) {
        books.book(clientId);
        Bookkeepers.requireBookkeeper(user, "add dimensions");
        return books.add(clientId, dimension);
    }
}

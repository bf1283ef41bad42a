package org.openbpo.ledger.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;
import org.openbpo.ledger.Books;
import org.openbpo.ledger.Entry;
import org.openbpo.ledger.ExchangeRate;
import org.openbpo.ledger.ExchangeRates;
import org.openbpo.ledger.Journal;
import org.openbpo.ledger.Period;
import org.openbpo.ledger.PeriodStatus;
import org.openbpo.ledger.Periods;
import org.openbpo.ledger.PostEntry;
import org.openbpo.ledger.Posted;
import org.openbpo.ledger.ReverseEntry;
import org.openbpo.ledger.Revaluation;
import org.openbpo.ledger.domain.LedgerKeys;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.shared.page.CursorPage;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.tenancy.Role;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/clients/{clientId}/ledger")
@Tag(name = "Ledger: journal", description = "Entries, reversals, periods and exchange rates")
class JournalApi {

    record ChangePeriod(@NotNull PeriodStatus status) {
    }

    record Revalue(@NotNull LocalDate date) {
    }

    private final Journal journal;
    private final Books books;
    private final Periods periods;
    private final ExchangeRates rates;
    private final Revaluation revaluation;

    JournalApi(Journal journal, Books books, Periods periods, ExchangeRates rates, Revaluation revaluation) {
        this.revaluation = revaluation;
        this.journal = journal;
        this.books = books;
        this.periods = periods;
        this.rates = rates;
    }

    @GetMapping("/entries")
    @Operation(summary = "Entries dated between two days (default: all), by date then id")
    CursorPage<Entry> entries(@PathVariable UUID clientId,
                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
                              @RequestParam(required = false) @Nullable String cursor,
                              @RequestParam(required = false) @Nullable Integer limit) {
        int size = CursorPage.limit(limit);
        String after = CursorPage.decode(cursor);
        LocalDate afterDate = null;
        long afterId = 0;
        if (after != null) {
            try {
                afterDate = LocalDate.parse(after.substring(0, after.indexOf('/')));
                afterId = Long.parseLong(after.substring(after.indexOf('/') + 1));
            } catch (RuntimeException e) {
                throw BusinessRuleViolation.invalid("cursor", "is not a cursor this API returned");
            }
        }
        List<Entry> fetched = journal.page(clientId, from == null ? LocalDate.of(1, 1, 1) : from,
                to == null ? LocalDate.of(9999, 12, 31) : to, afterDate, afterId, size + 1);
        return CursorPage.of(fetched, size, entry -> entry.date() + "/" + entry.id());
    }

    @GetMapping("/entries/{entryId}")
    @Operation(summary = "One entry with its lines")
    Entry entry(@PathVariable UUID clientId, @PathVariable long entryId) {
        return journal.get(clientId, entryId);
    }

    @PostMapping("/entries")
    @Operation(summary = "Post an entry; the same idempotency key again returns the first entry (200) and posts nothing")
    ResponseEntity<Entry> post(@PathVariable UUID clientId, @Valid @RequestBody PostEntry command,
                               @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String header,
                               @AuthenticationPrincipal CurrentUser user) {
        books.book(clientId);
        Bookkeepers.requireBookkeeper(user, "post to the ledger");
        if (command.isAdjusting()) {
            Bookkeepers.requireAccountant(user, "post adjusting entries");
        }
        PostEntry keyed = command.idempotencyKey() == null && header != null ? command.withKey(header) : command;
        if (keyed.idempotencyKey() != null && LedgerKeys.isLedgers(keyed.idempotencyKey())) {
            throw BusinessRuleViolation.invalid("idempotencyKey", "Keys beginning like '" + keyed.idempotencyKey()
                    .substring(0, Math.min(keyed.idempotencyKey().length(), 20)) + "' are the ledger's own "
                    + "(reversals, revaluations, payroll, payables, billing, imports); choose another key.");
        }
        Posted posted = journal.post(clientId, keyed);
        if (posted.replayed() && !keyed.sameAs(posted.entry())) {
            throw new BusinessRuleViolation(422, "idempotency-key-reused", "idempotencyKey", "Entry " + posted.entry().id()
                    + " was posted under this idempotency key with other content; nothing was posted.");
        }
        return respond(posted);
    }

    @PostMapping("/entries/{entryId}/reversal")
    @Operation(summary = "Reverse an entry by posting its opposite; again: the same reversal (200)")
    ResponseEntity<Entry> reverse(@PathVariable UUID clientId, @PathVariable long entryId,
                                  @Valid @RequestBody(required = false) @Nullable ReverseEntry command,
                                  @AuthenticationPrincipal CurrentUser user) {
        Entry original = journal.get(clientId, entryId);
        Bookkeepers.requireBookkeeper(user, "reverse entries");
        if (original.adjusting()) {
            // The reversal of an adjusting entry is adjusting too, and posts where only adjustments may.
            Bookkeepers.requireAccountant(user, "reverse adjusting entries");
        }
        return respond(journal.reverse(clientId, entryId, command == null ? new ReverseEntry(null, null) : command));
    }

    @GetMapping("/periods")
    @Operation(summary = "The months of a year and their status")
    List<Period> periods(@PathVariable UUID clientId, @RequestParam int year) {
        return periods.year(clientId, year);
    }

    @PutMapping("/periods/{month}")
    @Operation(summary = "Open, soft-close or close a month (YYYY-MM); reopening a closed month is for administrators")
    Period changePeriod(@PathVariable UUID clientId, @PathVariable String month, @Valid @RequestBody ChangePeriod request,
                        @AuthenticationPrincipal CurrentUser user) {
        books.book(clientId);
        YearMonth yearMonth;
        try {
            yearMonth = YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw BusinessRuleViolation.invalid("month", month + " is not a month (YYYY-MM).");
        }
        Bookkeepers.requireAccountant(user, "open or close periods");
        return periods.change(clientId, yearMonth, request.status(),
                () -> user.requireAny("reopen a closed period", Role.ADMINISTRATOR));
    }

    @GetMapping("/exchange-rates")
    @Operation(summary = "Exchange rates quoted between two days")
    List<ExchangeRate> rates(@PathVariable UUID clientId,
                             @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                             @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return rates.between(clientId, from, to);
    }

    @PostMapping("/exchange-rates")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Quote the rate of a currency pair for a day (replaces that day's quote)")
    ExchangeRate quote(@PathVariable UUID clientId, @Valid @RequestBody ExchangeRate rate, @AuthenticationPrincipal CurrentUser user) {
        books.book(clientId);
        Bookkeepers.requireBookkeeper(user, "quote exchange rates");
        return rates.quote(clientId, rate);
    }

    @PostMapping("/revaluations")
    @Operation(summary = "Revalue foreign-currency assets and liabilities at a day's rates (204 when nothing moves)")
    ResponseEntity<Entry> revalue(@PathVariable UUID clientId, @Valid @RequestBody Revalue request,
                                  @AuthenticationPrincipal CurrentUser user) {
        books.book(clientId);
        Bookkeepers.requireAccountant(user, "revalue balances");
        return revaluation.revalue(clientId, request.date()).map(JournalApi::respond)
                .orElseGet(() -> ResponseEntity.noContent().build());
    }

    static ResponseEntity<Entry> respond(Posted posted) {
        return ResponseEntity.status(posted.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
                .header("Ledger-Replayed", String.valueOf(posted.replayed())).body(posted.entry());
    }
}

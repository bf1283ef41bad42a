package org.openbpo.ledger;

import org.jspecify.annotations.Nullable;
import org.openbpo.ledger.domain.Statements;
import org.openbpo.ledger.persistence.BalanceRows;
import org.openbpo.ledger.persistence.BalanceRows.AccountBalance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Trial balance, income statement, balance sheet and general-ledger detail as of any day. They
 * read the running balances per account, currency and day, so their cost grows with accounts and
 * days, not with the number of postings.
 */
@Service
public class Reports {

    private static final LocalDate BEGINNING = LocalDate.of(1, 1, 1);

    private final BalanceRows balances;
    private final Books books;

    Reports(BalanceRows balances, Books books) {
        this.balances = balances;
        this.books = books;
    }

    @Transactional(readOnly = true)
    public TrialBalance trialBalance(java.util.UUID client, LocalDate asOf) {
        Book book = books.book(client);
        Map<String, Account> chart = chart(client);
        List<TrialBalance.Row> rows = new ArrayList<>();
        Map<String, long[]> totals = new TreeMap<>();
        long functionalDebits = 0;
        long functionalCredits = 0;
        for (AccountBalance balance : balances.movements(client, BEGINNING, asOf)) {
            if (balance.amount() == 0 && balance.functionalAmount() == 0) {
                continue;
            }
            Account account = chart.get(balance.account());
            rows.add(new TrialBalance.Row(account.code(), account.name(), account.type(), balance.currency(),
                    Math.max(balance.amount(), 0), Math.max(-balance.amount(), 0), balance.functionalAmount()));
            long[] total = totals.computeIfAbsent(balance.currency(), c -> new long[2]);
            total[0] = Math.addExact(total[0], Math.max(balance.amount(), 0));
            total[1] = Math.addExact(total[1], Math.max(-balance.amount(), 0));
            functionalDebits = Math.addExact(functionalDebits, Math.max(balance.functionalAmount(), 0));
            functionalCredits = Math.addExact(functionalCredits, Math.max(-balance.functionalAmount(), 0));
        }
        List<TrialBalance.Total> perCurrency = totals.entrySet().stream()
                .map(e -> new TrialBalance.Total(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
        return new TrialBalance(asOf, book.functionalCurrency().getCurrencyCode(), List.copyOf(rows), perCurrency,
                functionalDebits, functionalCredits);
    }

    @Transactional(readOnly = true)
    public IncomeStatement incomeStatement(java.util.UUID client, LocalDate from, LocalDate to) {
        Book book = books.book(client);
        List<Account> chart = books.accounts(client);
        Map<String, Long> functional = functional(balances.movements(client, from, to));
        Statement income = Statements.section("Income", chart, functional, Set.of(AccountType.INCOME), true);
        Statement expenses = Statements.section("Expenses", chart, functional, Set.of(AccountType.EXPENSE), false);
        return new IncomeStatement(from, to, book.functionalCurrency().getCurrencyCode(), income, expenses,
                Math.subtractExact(income.total(), expenses.total()));
    }

    @Transactional(readOnly = true)
    public BalanceSheet balanceSheet(java.util.UUID client, LocalDate asOf) {
        Book book = books.book(client);
        List<Account> chart = books.accounts(client);
        Map<String, Account> byCode = chart(client);
        Map<String, Long> functional = functional(balances.movements(client, BEGINNING, asOf));
        long earnings = 0;
        for (var balance : functional.entrySet()) {
            if (!byCode.get(balance.getKey()).type().balanceSheet()) {
                earnings = Math.subtractExact(earnings, balance.getValue());
            }
        }
        Statement assets = Statements.section("Assets", chart, functional, Set.of(AccountType.ASSET), false);
        Statement liabilities = Statements.section("Liabilities", chart, functional, Set.of(AccountType.LIABILITY), true);
        Statement equity = Statements.section("Equity", chart, functional, Set.of(AccountType.EQUITY), true);
        return new BalanceSheet(asOf, book.functionalCurrency().getCurrencyCode(), assets, liabilities, equity, earnings,
                Math.addExact(Math.addExact(liabilities.total(), equity.total()), earnings));
    }

    @Transactional(readOnly = true)
    public GeneralLedger generalLedger(java.util.UUID client, String code, LocalDate from, LocalDate to,
                                       @Nullable LocalDate afterDate, long afterEntry, int afterLine, int limit) {
        Account account = books.account(client, code);
        List<GeneralLedger.Balance> opening = balances.movements(client, code, BEGINNING, from.minusDays(1)).stream().map(Reports::balance).toList();
        List<GeneralLedger.Balance> closing = balances.movements(client, code, BEGINNING, to).stream().map(Reports::balance).toList();
        Map<String, GeneralLedger.Balance> openingByCurrency = new HashMap<>();
        opening.forEach(b -> openingByCurrency.put(b.currency(), b));
        List<GeneralLedger.Line> fetched = balances.lines(client, code, from, to, afterDate, afterEntry, afterLine, limit + 1)
                .stream().map(line -> {
                    GeneralLedger.Balance start = openingByCurrency.getOrDefault(line.currency(),
                            new GeneralLedger.Balance(line.currency(), 0, 0));
                    return line.plus(start.amount(), start.functionalAmount());
                }).toList();
        String next = null;
        if (fetched.size() > limit) {
            fetched = fetched.subList(0, limit);
            GeneralLedger.Line last = fetched.getLast();
            next = org.openbpo.shared.page.CursorPage.encode(last.date() + "/" + last.entryId() + "/" + last.lineNo());
        }
        return new GeneralLedger(account, from, to, opening, List.copyOf(fetched), closing, next);
    }

    private Map<String, Account> chart(java.util.UUID client) {
        Map<String, Account> chart = new HashMap<>();
        books.accounts(client).forEach(account -> chart.put(account.code(), account));
        return chart;
    }

    private static Map<String, Long> functional(List<AccountBalance> movements) {
        Map<String, Long> functional = new HashMap<>();
        movements.forEach(b -> functional.merge(b.account(), b.functionalAmount(), Math::addExact));
        return functional;
    }

    private static GeneralLedger.Balance balance(AccountBalance row) {
        return new GeneralLedger.Balance(row.currency(), row.amount(), row.functionalAmount());
    }
}

package org.openbpo.ledger.domain;

import org.openbpo.ledger.Account;
import org.openbpo.ledger.AccountType;
import org.openbpo.ledger.Statement;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds statement sections from a chart and the functional balances of its accounts. */
public final class Statements {

    private Statements() {
    }

    /**
     * The accounts of the given types, in code order, each heading with the sum of everything
     * below it; accounts and headings whose amount is zero are left out.
     * {@code creditPositive} presents credit balances as positive amounts.
     */
    public static Statement section(String title, List<Account> chart, Map<String, Long> functionalBalances,
                                    Set<AccountType> types, boolean creditPositive) {
        Map<String, Long> totals = new HashMap<>();
        Map<String, Account> byCode = new HashMap<>();
        chart.forEach(account -> byCode.put(account.code(), account));
        functionalBalances.forEach((code, balance) -> {
            for (Account at = byCode.get(code); at != null; at = at.parent() == null ? null : byCode.get(at.parent())) {
                totals.merge(at.code(), balance, Math::addExact);
            }
        });
        List<Statement.Line> lines = new ArrayList<>();
        long total = 0;
        for (Account account : chart) {
            long amount = totals.getOrDefault(account.code(), 0L);
            if (!types.contains(account.type()) || amount == 0) {
                continue;
            }
            long shown = creditPositive ? -amount : amount;
            lines.add(new Statement.Line(account.code(), account.name(), level(account, byCode), account.heading(), shown));
            if (account.parent() == null || !byCode.containsKey(account.parent())) {
                total = Math.addExact(total, shown);
            }
        }
        return new Statement(title, List.copyOf(lines), total);
    }

    private static int level(Account account, Map<String, Account> byCode) {
        int level = 0;
        for (Account at = account; at.parent() != null && byCode.containsKey(at.parent()); at = byCode.get(at.parent())) {
            level++;
        }
        return level;
    }
}

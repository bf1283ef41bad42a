package org.openbpo.ledger;

/** The five kinds of account; assets and expenses normally carry debit balances, the others credit. */
public enum AccountType {
    ASSET("Assets"), LIABILITY("Liabilities"), EQUITY("Equity"), INCOME("Income"), EXPENSE("Expenses");

    private final String journalRoot;

    AccountType(String journalRoot) {
        this.journalRoot = journalRoot;
    }

    /** The top-level account name ledger-cli and hledger expect for this type. */
    public String journalRoot() {
        return journalRoot;
    }

    public boolean debitNormal() {
        return this == ASSET || this == EXPENSE;
    }

    /** Balance-sheet accounts carry their balance forward; income and expense start again each year. */
    public boolean balanceSheet() {
        return this == ASSET || this == LIABILITY || this == EQUITY;
    }
}

package org.openbpo.ledger.domain;

import org.jspecify.annotations.Nullable;
import org.openbpo.ledger.Account;
import org.openbpo.ledger.AccountPurpose;
import org.openbpo.ledger.AccountType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.openbpo.ledger.AccountType.ASSET;
import static org.openbpo.ledger.AccountType.EQUITY;
import static org.openbpo.ledger.AccountType.EXPENSE;
import static org.openbpo.ledger.AccountType.INCOME;
import static org.openbpo.ledger.AccountType.LIABILITY;

/**
 * The charts a client's books can start from: a US GAAP-style chart (current before non-current,
 * functions of expense) and an IFRS-style one (non-current first, expenses by nature, IAS 1 line
 * items). Clients add their own accounts below the headings.
 */
public final class ChartTemplates {

    public record Template(String code, String name, List<Account> accounts) {
    }

    public static final Template US_GAAP = new Builder("US_GAAP", "US GAAP-style chart of accounts")
            .heading("1000", "Current assets", ASSET)
            .account("1010", "Cash and cash equivalents").account("1020", "Bank - foreign currency")
            .account("1100", "Accounts receivable").account("1200", "Inventory").account("1300", "Prepaid expenses")
            .heading("1500", "Property and equipment", ASSET)
            .account("1510", "Property, plant and equipment").account("1590", "Accumulated depreciation")
            .heading("2000", "Current liabilities", LIABILITY)
            .account("2010", "Accounts payable").account("2100", "Accrued liabilities")
            .account("2200", "Wages payable").account("2210", "Payroll taxes payable").account("2300", "Sales tax payable")
            .heading("2500", "Long-term liabilities", LIABILITY).account("2510", "Long-term debt")
            .heading("3000", "Stockholders' equity", EQUITY)
            .account("3010", "Common stock").account("3100", "Additional paid-in capital")
            .purpose("3200", "Retained earnings", AccountPurpose.RETAINED_EARNINGS)
            .heading("4000", "Revenue", INCOME)
            .account("4010", "Sales revenue").account("4100", "Service revenue").account("4900", "Other income")
            .heading("5000", "Cost of revenue", EXPENSE).account("5010", "Cost of goods sold")
            .heading("6000", "Operating expenses", EXPENSE)
            .account("6010", "Salaries and wages").account("6020", "Payroll tax expense").account("6030", "Employee benefits")
            .account("6100", "Rent").account("6200", "Utilities").account("6300", "Professional fees")
            .account("6400", "Depreciation expense").account("6900", "Bank charges")
            .heading("7000", "Other income and expense", EXPENSE)
            .account("7010", "Interest expense")
            .purpose("7900", "Unrealized foreign exchange gain or loss", AccountPurpose.UNREALISED_FX)
            .account("7910", "Income tax expense")
            .build();

    public static final Template IFRS = new Builder("IFRS", "IFRS-style chart of accounts")
            .heading("1000", "Non-current assets", ASSET)
            .account("1100", "Property, plant and equipment").account("1190", "Accumulated depreciation")
            .account("1200", "Intangible assets")
            .heading("2000", "Current assets", ASSET)
            .account("2100", "Inventories").account("2200", "Trade receivables").account("2300", "Prepayments")
            .account("2400", "Cash and cash equivalents").account("2410", "Bank - foreign currency")
            .heading("3000", "Equity", EQUITY)
            .account("3100", "Share capital").account("3200", "Share premium")
            .purpose("3300", "Retained earnings", AccountPurpose.RETAINED_EARNINGS).account("3400", "Other reserves")
            .heading("4000", "Non-current liabilities", LIABILITY)
            .account("4100", "Borrowings").account("4200", "Provisions")
            .heading("5000", "Current liabilities", LIABILITY)
            .account("5100", "Trade payables").account("5200", "Accruals").account("5300", "Employee benefit obligations")
            .account("5400", "VAT payable").account("5500", "Current tax liabilities")
            .heading("6000", "Revenue", INCOME)
            .account("6100", "Revenue from contracts with customers").account("6900", "Other income")
            .heading("7000", "Expenses by nature", EXPENSE)
            .account("7100", "Raw materials and consumables used").account("7200", "Employee benefits expense")
            .account("7210", "Social security costs").account("7300", "Depreciation and amortisation")
            .account("7400", "Other operating expenses")
            .heading("8000", "Finance income and costs", EXPENSE)
            .account("8100", "Finance costs")
            .purpose("8200", "Foreign exchange differences", AccountPurpose.UNREALISED_FX)
            .account("8900", "Income tax expense")
            .build();

    private static final Map<String, Template> ALL = Map.of(US_GAAP.code(), US_GAAP, IFRS.code(), IFRS);

    private ChartTemplates() {
    }

    public static List<Template> all() {
        return List.of(US_GAAP, IFRS);
    }

    public static Optional<Template> named(String code) {
        return Optional.ofNullable(ALL.get(code));
    }

    private static final class Builder {
        private final String code;
        private final String name;
        private final List<Account> accounts = new ArrayList<>();
        private @Nullable Account heading;

        Builder(String code, String name) {
            this.code = code;
            this.name = name;
        }

        Builder heading(String code, String name, AccountType type) {
            heading = new Account(code, name, type, null, true, null);
            accounts.add(heading);
            return this;
        }

        Builder account(String code, String name) {
            return purpose(code, name, null);
        }

        Builder purpose(String code, String name, @Nullable AccountPurpose purpose) {
            Account parent = java.util.Objects.requireNonNull(heading);
            accounts.add(new Account(code, name, parent.type(), parent.code(), false, purpose));
            return this;
        }

        Template build() {
            return new Template(code, name, List.copyOf(accounts));
        }
    }
}

package org.openbpo.payroll;

import org.openbpo.payroll.domain.BankAccount;
import org.openbpo.payroll.domain.BankUploadCsv;
import org.openbpo.payroll.persistence.PayRunRows;
import org.openbpo.shared.bankfile.BankFile;
import org.openbpo.shared.bankfile.BankFileFormat;
import org.openbpo.shared.bankfile.BankPayment;
import org.openbpo.shared.bankfile.Originator;
import org.openbpo.shared.bankfile.PaymentBatch;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.shared.money.Money;
import org.openbpo.shared.secret.Secrets;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

/**
 * Writes a paid run's bank file from its payment instructions, with the pay group's funding account as the
 * originator: NACHA (PPD credits) for USD, BACS Standard 18 for GBP, SEPA pain.001.001.09 for EUR, and
 * OpenBPO's documented bank upload CSV ({@link BankUploadCsv}) for INR and PHP, whose banks each have their
 * own bulk formats. The file is written in the pay step's transaction and keyed by the run, so it exists
 * exactly once and a repeated pay step serves the stored bytes.
 */
@Component
class PayrollBankFiles {

    private final PayRunRows rows;
    private final PayGroups groups;
    private final Secrets secrets;

    PayrollBankFiles(PayRunRows rows, PayGroups groups, Secrets secrets) {
        this.rows = rows;
        this.groups = groups;
        this.secrets = secrets;
    }

    /** The group's funding account; refused (409, naming the field) until the pay group has one. */
    PayGroups.Funding originator(UUID client, PayRun run) {
        return groups.funding(client, run.payGroup()).orElseThrow(() -> new BusinessRuleViolation(409, "no-funding-account",
                "fundingAccount", "Pay group " + run.payGroup() + " has no funding account to pay from; set it with PUT "
                + "…/pay-groups/" + run.payGroup() + "/funding-account before paying."));
    }

    /** Writes the run's bank file unless it has one; a run whose instructions pay nobody by bank gets none. */
    void write(UUID client, PayRun run, PayGroups.Funding funding, Instant now) {
        if (rows.bankFile(client, run.id()).isPresent()) {
            return;
        }
        List<PayRunRows.SealedInstruction> instructions = rows.sealedInstructions(client, run.id());
        if (instructions.isEmpty()) {
            return;
        }
        String reference = "PAYROLL-" + run.id();
        Currency currency = Currency.getInstance(run.currency());
        BigDecimal total = BigDecimal.ZERO;
        for (PayRunRows.SealedInstruction instruction : instructions) {
            total = total.add(instruction.amount());
        }
        BankFile file;
        String format;
        if (run.currency().equals("INR") || run.currency().equals("PHP")) {
            BankAccount.Scheme scheme = run.currency().equals("INR") ? BankAccount.Scheme.IN_IFSC : BankAccount.Scheme.PH_BANK;
            List<BankUploadCsv.Payment> payments = new ArrayList<>();
            for (PayRunRows.SealedInstruction instruction : instructions) {
                BankAccount to = account(client, instruction);
                if (to.scheme() != scheme) {
                    throw notPayable(instruction, to, scheme.name());
                }
                payments.add(new BankUploadCsv.Payment(instruction.employeeName(), to.routing(), to.account(), instruction.amount(),
                        instruction.reference()));
            }
            format = "CSV";
            file = new BankFile(reference + ".csv", "text/csv", BankUploadCsv.write(reference, funding.name(), funding.identifier(),
                    funding.account(), run.payDate(), run.currency(), payments));
        } else {
            BankFileFormat scheme;
            try {
                scheme = BankFileFormat.forCurrency(run.currency());
            } catch (IllegalArgumentException none) {
                throw BusinessRuleViolation.conflict("no-bank-file-format", none.getMessage());
            }
            List<BankPayment> payments = new ArrayList<>();
            for (PayRunRows.SealedInstruction instruction : instructions) {
                BankAccount to = account(client, instruction);
                org.openbpo.shared.bankfile.BankAccount into = convert(to);
                if (into == null || !into.scheme().equals(scheme.accountScheme())) {
                    throw notPayable(instruction, to, scheme.name());
                }
                payments.add(new BankPayment(instruction.employeeName(), into, Money.of(instruction.amount(), currency),
                        instruction.reference()));
            }
            org.openbpo.shared.bankfile.BankAccount from = convert(funding.account());
            if (from == null) {
                throw BusinessRuleViolation.conflict("no-funding-account", "The funding account of " + run.payGroup()
                        + " cannot originate a " + scheme + " file.");
            }
            try {
                file = scheme.write(new PaymentBatch(new Originator(funding.name(), from, funding.identifier(),
                        funding.bankName().isEmpty() ? null : funding.bankName()), run.payDate(), reference, "PAYROLL", now, payments));
            } catch (IllegalArgumentException refused) {
                throw BusinessRuleViolation.conflict("bank-file-refused", refused.getMessage());
            }
            format = scheme.name();
        }
        rows.insertBankFile(client, run.id(), new PayRunRows.StoredBankFile(format, file.fileName(), file.mediaType(), file.content(),
                instructions.size(), total, run.currency(), now));
    }

    private BankAccount account(UUID client, PayRunRows.SealedInstruction instruction) {
        return BankAccount.unseal(secrets.open(instruction.sealedAccount(), Employees.accountContext(client, instruction.employeeId())));
    }

    private static BusinessRuleViolation notPayable(PayRunRows.SealedInstruction instruction, BankAccount account, String format) {
        return new BusinessRuleViolation(409, "account-not-payable-by-file", "bankAccount", "Employee " + instruction.employeeNumber()
                + " is paid into a " + account.scheme() + " account, which a " + format + " file cannot pay; correct the account "
                + "and pay again (nothing was paid).");
    }

    /**
     * The account as the shared bank file writers take it: ABA accounts as checking accounts (employee records do not
     * say savings), UK sort codes as they are, a GB IBAN as its sort code and account number (BACS pays those),
     * other IBANs as IBANs; Indian and Philippine accounts have no scheme file.
     */
    static org.openbpo.shared.bankfile.@org.jspecify.annotations.Nullable BankAccount convert(BankAccount account) {
        return switch (account.scheme()) {
            case US_ABA -> new org.openbpo.shared.bankfile.BankAccount.UsAccount(account.routing(), account.account(), false);
            case GB_SORT_CODE -> new org.openbpo.shared.bankfile.BankAccount.UkAccount(account.routing(), account.account());
            case IBAN -> account.account().startsWith("GB")
                    ? new org.openbpo.shared.bankfile.BankAccount.UkAccount(account.account().substring(8, 14), account.account().substring(14))
                    : new org.openbpo.shared.bankfile.BankAccount.Iban(account.account(), null);
            case IN_IFSC, PH_BANK -> null;
        };
    }

    /** The run's stored bank file. */
    java.util.Optional<PayRunRows.StoredBankFile> stored(UUID client, long run) {
        return rows.bankFile(client, run);
    }
}

package org.openbpo.payables;

import org.jspecify.annotations.Nullable;
import org.openbpo.audit.AuditTrail;
import org.openbpo.payables.persistence.VendorRows;
import org.openbpo.shared.bankfile.BankAccount;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.shared.error.NotFound;
import org.openbpo.shared.id.Ids;
import org.openbpo.shared.secret.Secrets;
import org.openbpo.tenancy.Clients;
import org.openbpo.tenancy.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A client's vendors. Bank details are sealed with the vendor's own context, so a sealed value
 * copied to another vendor or client does not open; people only ever see them masked. A change of
 * bank details (the first ones included) waits until a second person approves it: the classic
 * fraud is a forged "our bank account has changed" letter, and one clerk alone cannot act on it.
 */
@Service
public class Vendors {

    private final VendorRows rows;
    private final Clients clients;
    private final Secrets secrets;
    private final AuditTrail audit;
    private final Clock clock;

    Vendors(VendorRows rows, Clients clients, Secrets secrets, AuditTrail audit, Clock clock) {
        this.rows = rows;
        this.clients = clients;
        this.secrets = secrets;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Vendor register(UUID client, RegisterVendor command, CurrentUser by) {
        clients.get(client);
        PayablesPermissions.requireClerk(by, "register vendors");
        for (int i = 0; i < command.currencies().size(); i++) {
            try {
                Currency.getInstance(command.currencies().get(i));
            } catch (IllegalArgumentException e) {
                throw BusinessRuleViolation.invalid("currencies[" + i + "]", command.currencies().get(i) + " is not an ISO 4217 currency.");
            }
        }
        if (command.currencies().stream().distinct().count() != command.currencies().size()) {
            throw BusinessRuleViolation.invalid("currencies", "names a currency twice.");
        }
        BigDecimal discount = command.discountPercent() == null ? BigDecimal.ZERO : command.discountPercent();
        int discountDays = command.discountDays() == null ? 0 : command.discountDays();
        if (discount.signum() > 0 && discountDays >= command.termsDays()) {
            throw BusinessRuleViolation.invalid("discountDays", "An early-payment discount ends before the invoice is due ("
                    + command.termsDays() + " days).");
        }
        if (discount.signum() > 0 && discountDays == 0) {
            throw BusinessRuleViolation.invalid("discountDays", "An early-payment discount needs the days it is offered for.");
        }
        BankAccount account = command.bank() == null ? null : command.bank().account();
        Vendor vendor = new Vendor(client, Ids.next(), command.code(), command.name().strip(), blankToNull(command.taxId()),
                List.copyOf(command.currencies()), command.termsDays(), discount, discountDays, blankToNull(command.email()),
                null, null, null, clock.instant(), by.email());
        if (!rows.insert(vendor)) {
            throw new BusinessRuleViolation(409, "vendor-exists", "code", "The client already has a vendor " + command.code() + ".");
        }
        audit.record(client, "payables.vendor-registered", "vendor", vendor.id(), null, vendor);
        if (account != null) {
            request(client, vendor.id(), account, by);
        }
        return get(client, vendor.id());
    }

    @Transactional(readOnly = true)
    public Vendor get(UUID client, UUID id) {
        clients.get(client);
        return rows.find(client, id).orElseThrow(() -> new NotFound("vendor", id));
    }

    @Transactional(readOnly = true)
    public Vendor byCode(UUID client, String code) {
        clients.get(client);
        return rows.byCode(client, code).orElseThrow(() -> new NotFound("vendor", code));
    }

    @Transactional(readOnly = true)
    public List<Vendor> page(UUID client, @Nullable String afterCode, int limit) {
        clients.get(client);
        return rows.page(client, afterCode == null ? "" : afterCode, limit);
    }

    /** Asks for new bank details; they take effect only when someone else approves them. */
    @Transactional
    public BankChange requestBankChange(UUID client, UUID vendorId, BankDetails details, CurrentUser by) {
        get(client, vendorId);
        PayablesPermissions.requireClerk(by, "change vendors' bank details");
        BankAccount account = details.account();
        if (rows.find(client, vendorId).orElseThrow().pendingBankChange() != null) {
            throw BusinessRuleViolation.conflict("bank-change-pending",
                    "A bank detail change for this vendor already waits for approval; approve or reject it first.");
        }
        return request(client, vendorId, account, by);
    }

    private BankChange request(UUID client, UUID vendorId, BankAccount account, CurrentUser by) {
        UUID id = Ids.next();
        Instant now = clock.instant();
        rows.requestChange(client, id, vendorId, account.scheme(), secrets.seal(account.canonical(), context(client, vendorId)),
                account.masked(), by.id(), by.email(), now);
        audit.record(client, "payables.bank-change-requested", "vendor", vendorId, null,
                Map.of("change", id.toString(), "account", account.masked()));
        return rows.changes(client, vendorId).stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    @Transactional
    public BankChange decideBankChange(UUID client, UUID vendorId, UUID changeId, boolean approve, CurrentUser by) {
        Vendor vendor = get(client, vendorId);
        VendorRows.PendingChange pending = rows.lockChange(client, vendorId, changeId)
                .orElseThrow(() -> new NotFound("bank detail change", changeId));
        PayablesPermissions.requireClerk(by, "approve bank detail changes");
        if (!"PENDING".equals(pending.change().status())) {
            throw BusinessRuleViolation.conflict("bank-change-decided", "This change was already " + pending.change().status().toLowerCase() + ".");
        }
        if (pending.requestedById().equals(by.id())) {
            throw new BusinessRuleViolation(409, "second-approver-required", "approvedBy",
                    "A bank detail change needs a second person: the person who asked for it cannot approve it.");
        }
        Instant now = clock.instant();
        rows.decide(client, changeId, approve ? "APPROVED" : "REJECTED", by.id(), by.email(), now);
        if (approve) {
            rows.applyBank(client, vendorId, pending.change().scheme(), pending.sealed(), pending.change().account());
        }
        audit.record(client, approve ? "payables.bank-change-approved" : "payables.bank-change-rejected", "vendor", vendorId,
                vendor.bankAccount() == null ? null : Map.of("account", vendor.bankAccount()),
                Map.of("change", changeId.toString(), "account", pending.change().account()));
        return rows.changes(client, vendorId).stream().filter(c -> c.id().equals(changeId)).findFirst().orElseThrow();
    }

    @Transactional(readOnly = true)
    public List<BankChange> bankChanges(UUID client, UUID vendorId) {
        get(client, vendorId);
        return rows.changes(client, vendorId);
    }

    @Transactional(readOnly = true)
    public List<BankChange> pendingBankChanges(UUID client) {
        clients.get(client);
        return rows.pendingChanges(client);
    }

    /** The vendors' approved bank accounts, opened, for a payment run in this module. */
    Map<UUID, BankAccount> accounts(UUID client, List<UUID> vendorIds) {
        Map<UUID, BankAccount> accounts = new java.util.HashMap<>();
        for (VendorRows.SealedBank bank : rows.sealedBanks(client, vendorIds)) {
            accounts.put(bank.vendorId(), BankAccount.parse(secrets.open(bank.sealed(), context(client, bank.vendorId()))));
        }
        return accounts;
    }

    private static String context(UUID client, UUID vendor) {
        return "payables.vendor-bank:" + client + ":" + vendor;
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

package org.openbpo.payables;

import org.jspecify.annotations.Nullable;
import org.openbpo.audit.AuditTrail;
import org.openbpo.payables.domain.CreditNoteSheet;
import org.openbpo.payables.domain.InvoiceNumbers;
import org.openbpo.payables.domain.MinorUnits;
import org.openbpo.payables.domain.UblInvoice;
import org.openbpo.payables.persistence.CreditNoteRows;
import org.openbpo.payables.persistence.CreditNoteRows.NewCreditNote;
import org.openbpo.payables.persistence.VendorRows;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.shared.error.NotFound;
import org.openbpo.shared.id.Ids;
import org.openbpo.tenancy.Clients;
import org.openbpo.tenancy.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Vendors' credit notes: captured by hand, from a CSV sheet or as UBL 2.1 CreditNote e-documents,
 * all or nothing like invoices, and set against the vendor's open invoices by the next payment
 * proposals (oldest credit first; what a proposal does not use stays for the next).
 */
@Service
public class CreditNotes {

    /** One credit note of a file, and where in the file it was. */
    public record Numbered(String where, CaptureCreditNote note) {
    }

    private final CreditNoteRows rows;
    private final VendorRows vendors;
    private final Clients clients;
    private final AuditTrail audit;
    private final Clock clock;

    CreditNotes(CreditNoteRows rows, VendorRows vendors, Clients clients, AuditTrail audit, Clock clock) {
        this.rows = rows;
        this.vendors = vendors;
        this.clients = clients;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public CreditNote capture(UUID client, CaptureCreditNote command, CurrentUser by) {
        try {
            return capture(client, List.of(new Numbered("", command)), "MANUAL", by).getFirst();
        } catch (FileRejected rejected) {
            FileProblem first = rejected.problems().getFirst();
            throw rejected.code().equals("duplicate-credit-note")
                    ? new BusinessRuleViolation(409, "duplicate-credit-note", first.where(), first.reason())
                    : BusinessRuleViolation.invalid(first.where(), first.reason());
        }
    }

    @Transactional
    public List<CreditNote> sheet(UUID client, byte[] csv, CurrentUser by) {
        return capture(client, CreditNoteSheet.csv(csv).stream()
                .map(parsed -> new Numbered("row " + parsed.row(), parsed.note())).toList(), "CSV", by);
    }

    @Transactional
    public CreditNote eCreditNote(UUID client, byte[] xml, @Nullable String vendorCode, CurrentUser by) {
        clients.get(client);
        PayablesPermissions.requireCapture(by);
        UblInvoice.CreditRead read = UblInvoice.readCreditNote(xml);
        String vendor = vendorCode != null ? vendorCode : supplier(client, read);
        return capture(client, List.of(new Numbered("", new CaptureCreditNote(vendor, read.number(), read.issued(), read.currency(),
                read.amount(), read.invoiceNumber(), null))), "UBL", by).getFirst();
    }

    /** Captures every credit note or none; problems name the row and the field. */
    @Transactional
    public List<CreditNote> capture(UUID client, List<Numbered> commands, String source, CurrentUser by) {
        clients.get(client);
        PayablesPermissions.requireCapture(by);
        Map<String, Vendor> byCode = new HashMap<>();
        List<FileProblem> problems = new ArrayList<>();
        List<NewCreditNote> accepted = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Numbered numbered : commands) {
            CaptureCreditNote c = numbered.note();
            String at = numbered.where().isEmpty() ? "" : numbered.where() + ", ";
            Vendor vendor = byCode.computeIfAbsent(c.vendor(), code -> vendors.byCode(client, code).orElse(null));
            if (vendor == null) {
                problems.add(new FileProblem(at + "vendor", "The client has no vendor " + c.vendor() + "."));
                continue;
            }
            if (!vendor.uses(c.currency())) {
                problems.add(new FileProblem(at + "currency", "Vendor " + vendor.code() + " bills in " + String.join(", ",
                        vendor.currencies()) + "; " + c.currency() + " is not one of its currencies."));
                continue;
            }
            long amount;
            try {
                amount = MinorUnits.exact(c.amount(), c.currency(), "amount");
            } catch (BusinessRuleViolation wrong) {
                problems.add(new FileProblem(at + wrong.field(), wrong.getMessage()));
                continue;
            }
            if (amount <= 0) {
                problems.add(new FileProblem(at + "amount", "A credit note gives back more than zero."));
                continue;
            }
            if (c.invoiceNumber() != null && !c.invoiceNumber().isBlank()
                    && !rows.invoiceExists(client, vendor.id(), InvoiceNumbers.key(c.invoiceNumber()))) {
                problems.add(new FileProblem(at + "invoiceNumber", "Vendor " + vendor.code() + " has no invoice " + c.invoiceNumber() + "."));
                continue;
            }
            String key = InvoiceNumbers.key(c.number());
            if (!seen.add(vendor.id() + "/" + key)) {
                problems.add(new FileProblem(at + "number", "Credit note " + c.number() + " of " + vendor.code() + " is twice in the file."));
                continue;
            }
            accepted.add(new NewCreditNote(Ids.next(), vendor.id(), c.number().strip(), key, c.creditDate(), c.currency(), amount,
                    blankToNull(c.invoiceNumber()), blankToNull(c.reason()), source));
        }
        if (!problems.isEmpty()) {
            throw new FileRejected("invalid-credit-notes", problems.size() + " problem(s); nothing was captured.", problems);
        }
        List<String> used = rows.usedKeys(client, accepted.stream().map(NewCreditNote::vendorId).distinct().toList(),
                accepted.stream().map(NewCreditNote::numberKey).distinct().toList());
        if (!used.isEmpty()) {
            List<FileProblem> duplicates = new ArrayList<>();
            for (int i = 0; i < accepted.size(); i++) {
                NewCreditNote note = accepted.get(i);
                if (used.contains(note.vendorId() + "/" + note.numberKey())) {
                    String where = commands.get(i).where();
                    duplicates.add(new FileProblem((where.isEmpty() ? "" : where + ", ") + "number",
                            "The vendor's credit note " + note.number() + " was captured before."));
                }
            }
            throw new FileRejected("duplicate-credit-note", "A credit note was captured before; nothing was captured.", duplicates);
        }
        Instant now = clock.instant();
        if (!rows.insert(client, accepted, now, by.email())) {
            throw BusinessRuleViolation.conflict("duplicate-credit-note", "A credit note was captured at the same moment by someone else.");
        }
        for (NewCreditNote note : accepted) {
            audit.record(client, "payables.credit-note-captured", "credit-note", note.id(), null, Map.of("vendor", note.vendorId().toString(),
                    "number", note.number(), "amount", MinorUnits.decimal(note.amountMinor(), note.currency()).toPlainString(),
                    "currency", note.currency(), "source", source));
        }
        return accepted.stream().map(note -> rows.find(client, note.id()).orElseThrow()).toList();
    }

    @Transactional(readOnly = true)
    public CreditNote get(UUID client, UUID id) {
        clients.get(client);
        return rows.find(client, id).orElseThrow(() -> new NotFound("credit note", id));
    }

    @Transactional(readOnly = true)
    public List<CreditNote> list(UUID client, @Nullable UUID vendor, boolean open, int limit) {
        clients.get(client);
        return rows.list(client, vendor, open, limit);
    }

    /** Where the credit of these notes went (the client's notes only; others' ids find nothing). */
    @Transactional(readOnly = true)
    public List<CreditAllocation> allocations(UUID client, List<UUID> notes) {
        clients.get(client);
        return rows.allocations(client, notes);
    }

    /** Where one note's credit went; 404 for a note the client does not have. */
    @Transactional(readOnly = true)
    public List<CreditAllocation> allocations(UUID client, UUID note) {
        get(client, note);
        return rows.allocations(client, List.of(note));
    }

    private String supplier(UUID client, UblInvoice.CreditRead read) {
        for (String id : new String[] {read.supplierTaxId(), read.supplierEndpoint()}) {
            if (id != null && !id.isBlank()) {
                List<Vendor> found = vendors.byTaxId(client, id);
                if (found.size() == 1) {
                    return found.getFirst().code();
                }
            }
        }
        throw new FileRejected("unknown-supplier", "No vendor of the client has the supplier's tax id; name the vendor.",
                List.of(new FileProblem("/CreditNote/cac:AccountingSupplierParty", "no vendor with tax id "
                        + read.supplierTaxId() + " or endpoint id " + read.supplierEndpoint() + " (" + read.supplierName() + ")")));
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

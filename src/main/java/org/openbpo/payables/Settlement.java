package org.openbpo.payables;

import org.openbpo.payables.persistence.ProposalRows.CreditApplied;
import org.openbpo.payables.persistence.ProposalRows.NewItem;
import org.openbpo.payables.persistence.ProposalRows.OpenCredit;
import org.openbpo.payables.persistence.ProposalRows.Payable;
import org.openbpo.shared.error.BusinessRuleViolation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * How a proposal settles each invoice: all that is open (less the early-payment discount, taken
 * only when the whole invoice is paid at once) or the part asked for; then the vendor's credit
 * notes, oldest first, set against what is left; the rest goes to the bank.
 */
record Settlement(List<NewItem> items, List<CreditApplied> applied, long paid, long discounts, long credits) {

    static Settlement of(List<Payable> payables, Map<UUID, Long> parts, LocalDate payOn, List<OpenCredit> openCredits) {
        List<UUID> asked = new ArrayList<>(parts.keySet());
        Map<UUID, Payable> byId = new HashMap<>();
        payables.forEach(payable -> byId.put(payable.invoiceId(), payable));
        for (int i = 0; i < asked.size(); i++) {
            Payable payable = byId.get(asked.get(i));
            if (payable == null) {
                throw BusinessRuleViolation.invalid("parts[" + i + "].invoiceId", "Invoice " + asked.get(i)
                        + " is not among the approved invoices this proposal can pay.");
            }
            if (parts.get(payable.invoiceId()) > payable.openMinor()) {
                throw BusinessRuleViolation.invalid("parts[" + i + "].amount", "Only " + payable.openMinor()
                        + " minor units of invoice " + payable.number() + " are open.");
            }
        }
        Map<UUID, List<long[]>> remaining = new LinkedHashMap<>();
        Map<UUID, List<OpenCredit>> notes = new LinkedHashMap<>();
        for (OpenCredit credit : openCredits) {
            notes.computeIfAbsent(credit.vendorId(), v -> new ArrayList<>()).add(credit);
            remaining.computeIfAbsent(credit.vendorId(), v -> new ArrayList<>()).add(new long[] {credit.remainingMinor()});
        }
        List<NewItem> items = new ArrayList<>();
        List<CreditApplied> applied = new ArrayList<>();
        long paid = 0;
        long discounts = 0;
        long credits = 0;
        for (Payable payable : payables) {
            long open = payable.openMinor();
            Long part = parts.get(payable.invoiceId());
            boolean whole = part == null || part == open;
            long discount = whole && payable.settledMinor() == 0 && payable.discountMinor() > 0 && payable.discountDate() != null
                    && !payOn.isAfter(payable.discountDate()) ? payable.discountMinor() : 0;
            long settles = part == null ? open : part;
            long left = settles - discount;
            long credit = 0;
            List<OpenCredit> vendorNotes = notes.getOrDefault(payable.vendorId(), List.of());
            List<long[]> vendorRemaining = remaining.getOrDefault(payable.vendorId(), List.of());
            for (int n = 0; n < vendorNotes.size() && left > credit; n++) {
                long take = Math.min(vendorRemaining.get(n)[0], left - credit);
                if (take > 0) {
                    vendorRemaining.get(n)[0] -= take;
                    credit += take;
                    applied.add(new CreditApplied(vendorNotes.get(n).id(), payable.invoiceId(), take));
                }
            }
            long pay = left - credit;
            items.add(new NewItem(payable.invoiceId(), open, pay, discount, credit));
            paid += pay;
            discounts += discount;
            credits += credit;
        }
        return new Settlement(List.copyOf(items), List.copyOf(applied), paid, discounts, credits);
    }
}

package org.openbpo.web.ui;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.jspecify.annotations.Nullable;
import org.openbpo.payables.BankDetails;
import org.openbpo.payables.CreditAllocation;
import org.openbpo.payables.CreditNote;
import org.openbpo.payables.CreditNotes;
import org.openbpo.payables.Invoice;
import org.openbpo.payables.InvoiceImports;
import org.openbpo.payables.InvoiceMails;
import org.openbpo.payables.InvoiceStatus;
import org.openbpo.payables.Invoices;
import org.openbpo.payables.PayablesReports;
import org.openbpo.payables.RegisterVendor;
import org.openbpo.payables.Vendor;
import org.openbpo.payables.Vendors;
import org.openbpo.payables.FileRejected;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.tenancy.Client;
import org.openbpo.tenancy.CurrentUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Accounts payable for the chosen client: vendors (bank details masked) and the bank detail changes
 * waiting for a second person, the latest invoices with the client's approve button, an invoice
 * import from CSV or XLSX, the aging and the cash forecast. Every action goes through the same
 * facades as the API, which decide who may do what.
 */
@Controller
class PayablesPages {

    private final Vendors vendors;
    private final Invoices invoices;
    private final InvoiceImports imports;
    private final PayablesReports reports;
    private final CreditNotes creditNotes;
    private final InvoiceMails mails;
    private final ClientFocus focus;
    private final Validator validator;

    PayablesPages(Vendors vendors, Invoices invoices, InvoiceImports imports, PayablesReports reports, CreditNotes creditNotes,
                  InvoiceMails mails, ClientFocus focus, Validator validator) {
        this.vendors = vendors;
        this.validator = validator;
        this.mails = mails;
        this.creditNotes = creditNotes;
        this.invoices = invoices;
        this.imports = imports;
        this.reports = reports;
        this.focus = focus;
    }

    @GetMapping("/payables")
    String home(@RequestParam(required = false) @Nullable UUID client, @AuthenticationPrincipal CurrentUser user,
                HttpServletRequest request, Model model) {
        if (client != null) {
            return focus.linkTo(user, client, "/payables", model, request);
        }
        Client chosen = focus.chosen(user, request);
        if (chosen == null) {
            return focus.pick(model, "Accounts payable", "/payables");
        }
        List<Vendor> list = vendors.page(chosen.id(), null, 200);
        model.addAttribute("client", chosen);
        model.addAttribute("vendors", list);
        model.addAttribute("vendorCodes", list.stream().collect(Collectors.toMap(Vendor::id, Vendor::code)));
        model.addAttribute("changes", vendors.pendingBankChanges(chosen.id()));
        List<Invoice> latest = invoices.page(chosen.id(), null, null, null, null, 50);
        model.addAttribute("invoices", latest);
        model.addAttribute("pdfs", mails.pdfsOf(chosen.id(), latest.stream().map(Invoice::id).toList()));
        model.addAttribute("awaiting", InvoiceStatus.AWAITING_APPROVAL);
        model.addAttribute("clientApprover", !user.providerStaff());
        List<CreditNote> notes = creditNotes.list(chosen.id(), null, false, 50);
        model.addAttribute("creditNotes", notes);
        model.addAttribute("allocations", creditNotes.allocations(chosen.id(), notes.stream().map(CreditNote::id).toList()).stream()
                .collect(Collectors.groupingBy(CreditAllocation::creditNoteId)));
        model.addAttribute("aging", reports.aging(chosen.id(), null));
        model.addAttribute("forecast", reports.forecast(chosen.id(), null, 8));
        return "payables/home";
    }

    @PostMapping("/payables/vendors")
    String register(@RequestParam String code, @RequestParam String name, @RequestParam String currencies,
                    @RequestParam(defaultValue = "30") int termsDays, @RequestParam(required = false) @Nullable String scheme,
                    @RequestParam(required = false) @Nullable String iban, @RequestParam(required = false) @Nullable String bic,
                    @RequestParam(required = false) @Nullable String sortCode,
                    @RequestParam(required = false) @Nullable String routingNumber,
                    @RequestParam(required = false) @Nullable String accountNumber,
                    @AuthenticationPrincipal CurrentUser user, HttpServletRequest request, RedirectAttributes flash) {
        Client chosen = required(user, request);
        List<String> codes = Arrays.stream(currencies.split("[,\\s]+")).filter(c -> !c.isBlank())
                .map(c -> c.strip().toUpperCase(Locale.ROOT)).toList();
        BankDetails.Scheme bankScheme = scheme == null || scheme.isBlank() ? null : Arrays.stream(BankDetails.Scheme.values())
                .filter(s -> s.name().equalsIgnoreCase(scheme.strip())).findFirst().orElse(null);
        if (scheme != null && !scheme.isBlank() && bankScheme == null) {
            flash.addFlashAttribute("problem", "Bank scheme: choose one of " + Arrays.toString(BankDetails.Scheme.values()) + ".");
            return "redirect:/payables";
        }
        BankDetails bank = bankScheme == null ? null : new BankDetails(bankScheme,
                blank(iban), blank(bic), blank(sortCode), blank(routingNumber), blank(accountNumber), false);
        RegisterVendor command = new RegisterVendor(code.strip(), name.strip(), null, codes, termsDays, BigDecimal.ZERO, 0, null, bank);
        Set<ConstraintViolation<RegisterVendor>> violations = validator.validate(command);
        if (!violations.isEmpty()) {
            flash.addFlashAttribute("problem", violations.stream().map(v -> v.getPropertyPath() + " " + v.getMessage())
                    .sorted().collect(Collectors.joining("; ")) + ".");
            return "redirect:/payables";
        }
        try {
            Vendor vendor = vendors.register(chosen.id(), command, user);
            flash.addFlashAttribute("notice", "Vendor " + vendor.code() + " registered" + (bank == null ? "."
                    : "; its bank details wait for a second person's approval."));
        } catch (BusinessRuleViolation refused) {
            flash.addFlashAttribute("problem", refused.getMessage());
        }
        return "redirect:/payables";
    }

    @PostMapping("/payables/vendors/{vendorId}/bank-changes/{changeId}")
    String decide(@PathVariable UUID vendorId, @PathVariable UUID changeId, @RequestParam boolean approve,
                  @AuthenticationPrincipal CurrentUser user, HttpServletRequest request, RedirectAttributes flash) {
        Client chosen = required(user, request);
        try {
            vendors.decideBankChange(chosen.id(), vendorId, changeId, approve, user);
            flash.addFlashAttribute("notice", approve ? "The new bank details are in force." : "The change was rejected.");
        } catch (BusinessRuleViolation refused) {
            flash.addFlashAttribute("problem", refused.getMessage());
        }
        return "redirect:/payables";
    }

    @PostMapping("/payables/invoices/{invoiceId}/approval")
    String approve(@PathVariable UUID invoiceId, @AuthenticationPrincipal CurrentUser user, HttpServletRequest request,
                   RedirectAttributes flash) {
        Client chosen = required(user, request);
        try {
            Invoice invoice = invoices.approve(chosen.id(), invoiceId, user);
            flash.addFlashAttribute("notice", "Invoice " + invoice.number() + " approved.");
        } catch (BusinessRuleViolation refused) {
            flash.addFlashAttribute("problem", refused.getMessage());
        }
        return "redirect:/payables";
    }

    @PostMapping("/payables/imports")
    String importFile(@RequestParam("file") MultipartFile file, @AuthenticationPrincipal CurrentUser user,
                      HttpServletRequest request, RedirectAttributes flash) throws IOException {
        Client chosen = required(user, request);
        String filename = file.getOriginalFilename() == null ? "" : file.getOriginalFilename().toLowerCase(Locale.ROOT);
        try {
            Invoices.Captured captured = imports.sheet(chosen.id(), file.getBytes(), filename.endsWith(".xlsx"), user);
            flash.addFlashAttribute("notice", captured.invoices().size() + " invoices captured: " + captured.approved()
                    + " matched to their orders, " + captured.awaitingApproval() + " awaiting approval, "
                    + captured.exceptions() + " exceptions.");
        } catch (FileRejected rejected) {
            flash.addFlashAttribute("problem", rejected.getMessage());
            flash.addFlashAttribute("fileProblems", rejected.problems());
        } catch (BusinessRuleViolation refused) {
            flash.addFlashAttribute("problem", refused.getMessage());
        }
        return "redirect:/payables";
    }

    private Client required(CurrentUser user, HttpServletRequest request) {
        Client chosen = focus.chosen(user, request);
        if (chosen == null) {
            throw BusinessRuleViolation.invalid("client", "Choose a client first.");
        }
        return chosen;
    }

    private static @Nullable String blank(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

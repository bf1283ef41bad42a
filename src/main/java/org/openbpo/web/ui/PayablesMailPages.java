package org.openbpo.web.ui;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.openbpo.payables.CaptureInvoice;
import org.openbpo.payables.Invoice;
import org.openbpo.payables.InvoiceMailStatus;
import org.openbpo.payables.InvoiceMails;
import org.openbpo.payables.MailDocumentFile;
import org.openbpo.payables.MailboxSecurity;
import org.openbpo.payables.SetUpMailbox;
import org.openbpo.payables.Vendor;
import org.openbpo.payables.Vendors;
import org.openbpo.payables.ApMailboxFetching;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.shared.money.Decimals;
import org.openbpo.tenancy.Client;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.tenancy.Role;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Invoices by email for the chosen client: the AP mailbox's settings and how fetching it goes, the
 * messages that reached it and what became of each (with their PDFs to view), and keying in the
 * invoice of a mailed PDF. Every action goes through the same facade as the API.
 */
@Controller
class PayablesMailPages {

    private final InvoiceMails mails;
    private final ApMailboxFetching fetching;
    private final Vendors vendors;
    private final ClientFocus focus;

    PayablesMailPages(InvoiceMails mails, ApMailboxFetching fetching, Vendors vendors, ClientFocus focus) {
        this.mails = mails;
        this.fetching = fetching;
        this.vendors = vendors;
        this.focus = focus;
    }

    @GetMapping("/payables/mail")
    String page(@RequestParam(required = false) @Nullable InvoiceMailStatus status, @AuthenticationPrincipal CurrentUser user,
                HttpServletRequest request, Model model) {
        Client chosen = focus.chosen(user, request);
        if (chosen == null) {
            return focus.pick(model, "Invoices by email", "/payables/mail");
        }
        model.addAttribute("client", chosen);
        model.addAttribute("mailbox", mails.findMailbox(chosen.id()).orElse(null));
        model.addAttribute("securities", MailboxSecurity.values());
        model.addAttribute("messages", mails.messages(chosen.id(), status, null, null, 100));
        model.addAttribute("statuses", InvoiceMailStatus.values());
        model.addAttribute("status", status);
        model.addAttribute("toKey", InvoiceMailStatus.TO_KEY);
        model.addAttribute("vendors", vendors.page(chosen.id(), null, 200).stream().map(Vendor::code).toList());
        model.addAttribute("mayKeyIn", user.providerStaff());
        model.addAttribute("maySetUp", user.providerStaff() ? user.has(Role.ADMINISTRATOR) || user.has(Role.OPERATIONS_MANAGER)
                : user.has(Role.CLIENT_ADMINISTRATOR));
        model.addAttribute("currency", chosen.currency().getCurrencyCode());
        return "payables/mail";
    }

    @PostMapping("/payables/mail/mailbox")
    String setUp(@RequestParam String host, @RequestParam(defaultValue = "993") int port, @RequestParam String security,
                 @RequestParam(required = false) @Nullable String username, @RequestParam(required = false) @Nullable String password,
                 @RequestParam(required = false) @Nullable String folder, @RequestParam(required = false) @Nullable String address,
                 @AuthenticationPrincipal CurrentUser user, HttpServletRequest request, RedirectAttributes flash) {
        Client chosen = required(user, request);
        try {
            if (host.isBlank() || !host.strip().matches("[A-Za-z0-9.-]{1,255}")) {
                throw BusinessRuleViolation.invalid("host", "Host: must be a host name.");
            }
            if (port < 1 || port > 65535) {
                throw BusinessRuleViolation.invalid("port", "Port: must be between 1 and 65535.");
            }
            mails.setUp(chosen.id(), new SetUpMailbox(host.strip(), port, MailboxSecurity.valueOf(security), blank(username),
                    blank(password), blank(folder), blank(address)), user);
            flash.addFlashAttribute("notice", "The AP mailbox is set up; it is fetched within a minute.");
        } catch (BusinessRuleViolation refused) {
            flash.addFlashAttribute("problem", refused.getMessage());
        } catch (IllegalArgumentException unknown) {
            flash.addFlashAttribute("problem", "Security: choose TLS, STARTTLS or none.");
        }
        return "redirect:/payables/mail";
    }

    @PostMapping("/payables/mail/fetches")
    String fetchNow(@AuthenticationPrincipal CurrentUser user, HttpServletRequest request, RedirectAttributes flash) {
        Client chosen = required(user, request);
        try {
            var fetched = fetching.fetchNow(chosen.id(), user);
            flash.addFlashAttribute("notice", fetched.lastError() == null ? "The mailbox was fetched: " + fetched.lastFetched()
                    + " new message(s)." : "Fetching failed: " + fetched.lastError());
        } catch (BusinessRuleViolation refused) {
            flash.addFlashAttribute("problem", refused.getMessage());
        }
        return "redirect:/payables/mail";
    }

    @GetMapping("/payables/mail/{mailId}/documents/{number}")
    ResponseEntity<byte[]> document(@PathVariable UUID mailId, @PathVariable int number, @AuthenticationPrincipal CurrentUser user,
                                    HttpServletRequest request) {
        Client chosen = required(user, request);
        MailDocumentFile file = mails.document(chosen.id(), mailId, number);
        boolean pdf = file.pdf();
        ContentDisposition disposition = (pdf ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(file.filename(), StandardCharsets.UTF_8).build();
        // A real PDF (by its first bytes) opens in the browser's viewer, never read as anything else (nosniff);
        // any other file is a download, and a sandbox keeps it from the application's origin if opened anyway.
        ResponseEntity.BodyBuilder response = ResponseEntity.ok().contentType(pdf ? MediaType.APPLICATION_PDF : MediaType.APPLICATION_OCTET_STREAM)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header("X-Content-Type-Options", "nosniff");
        if (!pdf) {
            response.header("Content-Security-Policy", "sandbox");
        }
        return response.body(file.content());
    }

    @PostMapping("/payables/mail/{mailId}/invoice")
    String keyIn(@PathVariable UUID mailId, @RequestParam String vendor, @RequestParam String number, @RequestParam String invoiceDate,
                 @RequestParam String currency, @RequestParam String total, @RequestParam(required = false) @Nullable String tax,
                 @AuthenticationPrincipal CurrentUser user, HttpServletRequest request, RedirectAttributes flash) {
        Client chosen = required(user, request);
        try {
            LocalDate date;
            BigDecimal amount;
            BigDecimal taxAmount;
            try {
                date = LocalDate.parse(invoiceDate.strip());
            } catch (DateTimeParseException e) {
                throw BusinessRuleViolation.invalid("invoiceDate", "Invoice date: must be a date (YYYY-MM-DD).");
            }
            try {
                amount = Decimals.parse(total.strip());
                taxAmount = tax == null || tax.isBlank() ? null : Decimals.parse(tax.strip());
            } catch (NumberFormatException e) {
                throw BusinessRuleViolation.invalid("total", "Total and tax: must be amounts such as 120.00.");
            }
            if (number.isBlank() || amount.signum() <= 0) {
                throw BusinessRuleViolation.invalid("number", "The invoice needs a number and a total above zero.");
            }
            Invoice invoice = mails.keyIn(chosen.id(), mailId, new CaptureInvoice(vendor.strip(), number.strip(), date, null,
                    currency.strip().toUpperCase(Locale.ROOT), amount, taxAmount, null, null, List.of()), user);
            flash.addFlashAttribute("notice", "Invoice " + invoice.number() + " keyed in: " + invoice.status() + ".");
        } catch (BusinessRuleViolation refused) {
            flash.addFlashAttribute("problem", refused.getMessage());
        }
        return "redirect:/payables/mail";
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

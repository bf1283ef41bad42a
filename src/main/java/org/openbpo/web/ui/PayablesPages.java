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
import org.openbpo.payables.PurchaseOrder;
import org.openbpo.payables.PurchaseOrders;
import org.openbpo.payables.RaisePurchaseOrder;
import org.openbpo.payables.RegisterVendor;
import org.openbpo.payables.Vendor;
import org.openbpo.payables.Vendors;
import org.openbpo.payables.FileRejected;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.shared.error.NotFound;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Accounts payable for the chosen client: vendors (bank details masked) and the bank detail changes
 * waiting for a second person, the latest invoices with the client's approve button, an invoice
 * import from CSV or XLSX, purchase orders with each line's tax, the aging and the cash forecast.
 * Every action goes through the same facades as the API, which decide who may do what.
 */
@Controller
class PayablesPages {

    /** A purchase order line as typed, kept as text so a mistake can be shown next to it. */
    public record OrderLineRow(String description, String quantity, String unitPrice, String taxPercent) {

        boolean empty() {
            return description.isEmpty() && quantity.isEmpty() && unitPrice.isEmpty() && taxPercent.isEmpty();
        }
    }

    /** The purchase order form as typed. */
    public record OrderDraft(String number, String vendor, String currency, boolean receiptRequired, List<OrderLineRow> lines) {

        static OrderDraft blank() {
            return new OrderDraft("", "", "", false, padded(List.of()));
        }

        static List<OrderLineRow> padded(List<OrderLineRow> lines) {
            List<OrderLineRow> rows = new ArrayList<>(lines);
            while (rows.size() < ORDER_LINE_ROWS) {
                rows.add(new OrderLineRow("", "", "", ""));
            }
            return rows;
        }
    }

    private static final int ORDER_LINE_ROWS = 4;
    private static final int MAX_ORDER_LINE_ROWS = 500;
    private static final List<String> ORDER_FIELDS = List.of("number", "vendor", "currency");
    private static final List<String> LINE_FIELDS = List.of("description", "quantity", "unitPrice", "taxPercent");

    private final Vendors vendors;
    private final Invoices invoices;
    private final InvoiceImports imports;
    private final PayablesReports reports;
    private final CreditNotes creditNotes;
    private final InvoiceMails mails;
    private final PurchaseOrders orders;
    private final ClientFocus focus;
    private final Validator validator;

    PayablesPages(Vendors vendors, Invoices invoices, InvoiceImports imports, PayablesReports reports, CreditNotes creditNotes,
                  InvoiceMails mails, PurchaseOrders orders, ClientFocus focus, Validator validator) {
        this.vendors = vendors;
        this.orders = orders;
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
        return view(chosen, user, model, OrderDraft.blank(), FormErrors.none());
    }

    private String view(Client chosen, CurrentUser user, Model model, OrderDraft order, FormErrors orderErrors) {
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
        model.addAttribute("orders", orders.page(chosen.id(), null, 50));
        model.addAttribute("order", order);
        model.addAttribute("orderErrors", orderErrors);
        model.addAttribute("maxOrderLines", MAX_ORDER_LINE_ROWS);
        return "payables/home";
    }

    @PostMapping("/payables/purchase-orders")
    String raiseOrder(@RequestParam Map<String, String> params, @AuthenticationPrincipal CurrentUser user, HttpServletRequest request,
                      Model model, RedirectAttributes flash) {
        Client chosen = required(user, request);
        List<OrderLineRow> rows = new ArrayList<>();
        for (int i = 0; i < MAX_ORDER_LINE_ROWS && hasLine(params, i); i++) {
            int row = i;
            List<String> typed = LINE_FIELDS.stream().map(f -> params.getOrDefault("line" + row + "." + f, "").strip()).toList();
            rows.add(new OrderLineRow(typed.get(0), typed.get(1), typed.get(2), typed.get(3)));
        }
        OrderDraft draft = new OrderDraft(params.getOrDefault("number", "").strip(), params.getOrDefault("vendor", "").strip(),
                params.getOrDefault("currency", "").strip().toUpperCase(Locale.ROOT), params.containsKey("receiptRequired"), rows);
        FormErrors errors = FormErrors.none();
        List<RaisePurchaseOrder.Line> lines = new ArrayList<>();
        List<Integer> rowOfLine = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            OrderLineRow row = rows.get(i);
            if (row.empty()) {
                continue;
            }
            BigDecimal quantity = number(row.quantity(), "line" + i + ".quantity", "the quantity ordered, a number", errors);
            BigDecimal price = number(row.unitPrice(), "line" + i + ".unitPrice", "the price of one unit, a number", errors);
            BigDecimal tax = row.taxPercent().isEmpty() ? null : number(row.taxPercent().replaceFirst("\\s*%$", ""),
                    "line" + i + ".taxPercent", "the tax the goods bear, a percentage such as 20, or empty for none", errors);
            lines.add(new RaisePurchaseOrder.Line(row.description(), quantity, price, tax));
            rowOfLine.add(i);
        }
        if (lines.isEmpty()) {
            errors.add("line0.description", "give at least one line: what was ordered, how many and at what price");
        }
        RaisePurchaseOrder command = new RaisePurchaseOrder(draft.number(), draft.vendor(), draft.currency(), draft.receiptRequired(),
                lines);
        // The same constraints as the API's, each put next to the input it is about.
        for (ConstraintViolation<RaisePurchaseOrder> violation : validator.validate(command)) {
            String path = violation.getPropertyPath().toString();
            errors.add(formField(path, rowOfLine), violation.getMessage());
        }
        if (errors.any()) {
            return rejected(chosen, user, model, draft, errors);
        }
        try {
            PurchaseOrder order = orders.raise(chosen.id(), command, user);
            flash.addFlashAttribute("notice", "Purchase order " + order.number() + " recorded with " + order.lines().size() + " lines.");
            return "redirect:/payables";
        } catch (BusinessRuleViolation refused) {
            if (refused instanceof NotFound || refused.status() == 403) {
                throw refused;
            }
            String field = refused.field();
            FormErrors ruled = field != null && field.startsWith("lines[")
                    ? FormErrors.none().add(formField(field, rowOfLine), refused.getMessage())
                    : FormErrors.none().add(refused, ORDER_FIELDS);
            return rejected(chosen, user, model, draft, ruled);
        }
    }

    private String rejected(Client chosen, CurrentUser user, Model model, OrderDraft draft, FormErrors errors) {
        model.addAttribute("problem", "The purchase order was not recorded: see the marked inputs.");
        return view(chosen, user, model, new OrderDraft(draft.number(), draft.vendor(), draft.currency(), draft.receiptRequired(),
                OrderDraft.padded(draft.lines())), errors);
    }

    private static boolean hasLine(Map<String, String> params, int row) {
        return LINE_FIELDS.stream().anyMatch(f -> params.containsKey("line" + row + "." + f));
    }

    /** The command's {@code lines[1].taxPercent} is the form's {@code line3.taxPercent} when rows 0 and 2 were left empty. */
    private static String formField(String path, List<Integer> rowOfLine) {
        if (!path.startsWith("lines")) {
            return path;
        }
        int open = path.indexOf('[');
        int close = path.indexOf(']');
        if (open < 0 || close < open) {
            return "line0.description";
        }
        int line = Integer.parseInt(path.substring(open + 1, close));
        int row = line < rowOfLine.size() ? rowOfLine.get(line) : 0;
        String rest = path.substring(close + 1);
        String field = rest.startsWith(".") && LINE_FIELDS.contains(rest.substring(1)) ? rest.substring(1) : "description";
        return "line" + row + "." + field;
    }

    private static @Nullable BigDecimal number(String typed, String field, String expected, FormErrors errors) {
        if (typed.isEmpty()) {
            return null; // the command's own constraints say it is needed
        }
        try {
            return new BigDecimal(typed);
        } catch (NumberFormatException e) {
            errors.add(field, expected);
            return null;
        }
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

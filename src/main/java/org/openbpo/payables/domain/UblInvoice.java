package org.openbpo.payables.domain;

import org.jspecify.annotations.Nullable;
import org.openbpo.payables.CaptureInvoice;
import org.openbpo.payables.FileProblem;
import org.openbpo.payables.FileRejected;
import org.openbpo.shared.money.Decimals;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A UBL 2.1 invoice as PEPPOL BIS Billing 3.0 sends it. The reader refuses any document type
 * declaration (so no external or internal entity is ever expanded: XXE and entity expansion are
 * impossible), reports malformed XML with its line and column, and checks the elements BIS 3.0
 * requires for an invoice OpenBPO can pay, naming each missing one by path and the line of its
 * parent (the line where its start tag ends). It is not a full schema or Schematron validation.
 */
public final class UblInvoice {

    static final String INVOICE = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2";
    static final String CREDIT_NOTE = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2";
    static final String CBC = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";
    static final String CAC = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";

    /** What the e-invoice says: the invoice, and how its supplier names itself so the vendor can be found. */
    public record Read(CaptureInvoice invoice, @Nullable String supplierTaxId, @Nullable String supplierEndpoint,
                       String supplierName) {
    }

    private static final class Element {
        final String namespace;
        final String name;
        final String prefix;
        final int line;
        final Map<String, String> attributes = new LinkedHashMap<>();
        final List<Element> children = new ArrayList<>();
        final StringBuilder text = new StringBuilder();
        @Nullable Element parent;

        Element(String namespace, String name, String prefix, int line) {
            this.namespace = namespace;
            this.name = name;
            this.prefix = prefix;
            this.line = line;
        }

        String path() {
            String self = "/" + (namespace.equals(CAC) ? "cac:" : namespace.equals(CBC) ? "cbc:" : "") + name;
            return parent == null ? self : parent.path() + self;
        }

        @Nullable Element child(String ns, String local) {
            for (Element child : children) {
                if (child.namespace.equals(ns) && child.name.equals(local)) {
                    return child;
                }
            }
            return null;
        }

        List<Element> all(String ns, String local) {
            return children.stream().filter(c -> c.namespace.equals(ns) && c.name.equals(local)).toList();
        }

        String text() {
            return text.toString().strip();
        }
    }

    private UblInvoice() {
    }

    public static Read read(byte[] xml) {
        Element root = parse(xml);
        List<FileProblem> problems = new ArrayList<>();
        if (!root.namespace.equals(INVOICE) || !root.name.equals("Invoice")) {
            throw new FileRejected("not-an-invoice", "The document is not a UBL 2.1 Invoice.",
                    List.of(new FileProblem("line " + root.line + ", /" + root.name,
                            "the root element must be Invoice in namespace " + INVOICE)));
        }
        Checker check = new Checker(problems);
        check.required(root, CBC, "CustomizationID");
        check.required(root, CBC, "ProfileID");
        String number = check.text(root, CBC, "ID");
        LocalDate issued = check.date(root, "IssueDate", true);
        LocalDate due = check.date(root, "DueDate", false);
        check.required(root, CBC, "InvoiceTypeCode");
        String currency = check.text(root, CBC, "DocumentCurrencyCode");
        Element supplier = check.path(root, "AccountingSupplierParty", "Party");
        check.path(root, "AccountingCustomerParty", "Party");
        String supplierName = "";
        String taxId = null;
        String endpoint = null;
        if (supplier != null) {
            Element endpointId = supplier.child(CBC, "EndpointID");
            if (endpointId == null) {
                problems.add(missing(supplier, "cbc:EndpointID"));
            } else {
                endpoint = endpointId.text();
            }
            Element legal = supplier.child(CAC, "PartyLegalEntity");
            if (legal == null) {
                problems.add(missing(supplier, "cac:PartyLegalEntity"));
            } else {
                supplierName = check.text(legal, CBC, "RegistrationName");
            }
            Element taxScheme = supplier.child(CAC, "PartyTaxScheme");
            if (taxScheme != null && taxScheme.child(CBC, "CompanyID") != null) {
                taxId = taxScheme.child(CBC, "CompanyID").text();
            } else if (legal != null && legal.child(CBC, "CompanyID") != null) {
                taxId = legal.child(CBC, "CompanyID").text();
            }
        }
        BigDecimal tax = BigDecimal.ZERO;
        List<Element> taxTotals = root.all(CAC, "TaxTotal");
        if (taxTotals.isEmpty()) {
            problems.add(missing(root, "cac:TaxTotal"));
        } else {
            // A second TaxTotal, if any, is in the tax accounting currency; the first is the document's.
            BigDecimal amount = check.amount(taxTotals.getFirst(), "TaxAmount", currency);
            if (amount != null) {
                tax = amount;
            }
        }
        Element totals = root.child(CAC, "LegalMonetaryTotal");
        BigDecimal payable = null;
        if (totals == null) {
            problems.add(missing(root, "cac:LegalMonetaryTotal"));
        } else {
            check.amount(totals, "LineExtensionAmount", currency);
            check.amount(totals, "TaxExclusiveAmount", currency);
            check.amount(totals, "TaxInclusiveAmount", currency);
            payable = check.amount(totals, "PayableAmount", currency);
        }
        String order = null;
        Element orderReference = root.child(CAC, "OrderReference");
        if (orderReference != null) {
            order = check.text(orderReference, CBC, "ID");
        }
        List<Element> lineElements = root.all(CAC, "InvoiceLine");
        if (lineElements.isEmpty()) {
            problems.add(missing(root, "cac:InvoiceLine"));
        }
        List<CaptureInvoice.Line> lines = new ArrayList<>();
        for (Element line : lineElements) {
            check.text(line, CBC, "ID");
            BigDecimal quantity = check.decimal(line, "InvoicedQuantity");
            check.amount(line, "LineExtensionAmount", currency);
            Element item = line.child(CAC, "Item");
            String name = "";
            if (item == null) {
                problems.add(missing(line, "cac:Item"));
            } else {
                name = check.text(item, CBC, "Name");
            }
            Element price = line.child(CAC, "Price");
            BigDecimal unitPrice = null;
            if (price == null) {
                problems.add(missing(line, "cac:Price"));
            } else {
                unitPrice = check.amount(price, "PriceAmount", currency);
            }
            Integer orderLine = null;
            Element orderLineReference = line.child(CAC, "OrderLineReference");
            if (orderLineReference != null && orderLineReference.child(CBC, "LineID") != null) {
                try {
                    orderLine = Integer.parseInt(orderLineReference.child(CBC, "LineID").text());
                } catch (NumberFormatException e) {
                    problems.add(new FileProblem("line " + orderLineReference.line + ", " + orderLineReference.path() + "/cbc:LineID",
                            "OpenBPO matches order lines by number; '" + orderLineReference.child(CBC, "LineID").text() + "' is not one"));
                }
            }
            if (quantity != null && unitPrice != null && quantity.signum() > 0) {
                lines.add(new CaptureInvoice.Line(name.isEmpty() ? "Line" : name, quantity, unitPrice, orderLine));
            }
        }
        if (!problems.isEmpty()) {
            throw new FileRejected("invalid-e-invoice", problems.size() + " problem(s) in the e-invoice; nothing was captured.", problems);
        }
        CaptureInvoice invoice = new CaptureInvoice("", number, issued, due, currency, payable, tax, order, null,
                order == null ? List.of() : lines);
        return new Read(invoice, taxId, endpoint, supplierName);
    }

    /** What a UBL 2.1 / PEPPOL BIS 3.0 credit note says: the vendor gives the payable amount back. */
    public record CreditRead(String number, LocalDate issued, String currency, BigDecimal amount,
                             @Nullable String invoiceNumber, @Nullable String supplierTaxId, @Nullable String supplierEndpoint,
                             String supplierName) {
    }

    public static CreditRead readCreditNote(byte[] xml) {
        Element root = parse(xml);
        if (!root.namespace.equals(CREDIT_NOTE) || !root.name.equals("CreditNote")) {
            throw new FileRejected("not-a-credit-note", "The document is not a UBL 2.1 CreditNote.",
                    List.of(new FileProblem("line " + root.line + ", /" + root.name,
                            "the root element must be CreditNote in namespace " + CREDIT_NOTE)));
        }
        List<FileProblem> problems = new ArrayList<>();
        Checker check = new Checker(problems);
        check.required(root, CBC, "CustomizationID");
        check.required(root, CBC, "ProfileID");
        String number = check.text(root, CBC, "ID");
        LocalDate issued = check.date(root, "IssueDate", true);
        check.required(root, CBC, "CreditNoteTypeCode");
        String currency = check.text(root, CBC, "DocumentCurrencyCode");
        String invoiceNumber = null;
        // The invoice credited is optional in BIS 3.0 (a credit note may be a general rebate).
        Element billing = root.child(CAC, "BillingReference");
        Element credited = billing == null ? null : billing.child(CAC, "InvoiceDocumentReference");
        if (credited != null) {
            invoiceNumber = check.text(credited, CBC, "ID");
        }
        Element supplier = check.path(root, "AccountingSupplierParty", "Party");
        String supplierName = "";
        String taxId = null;
        String endpoint = null;
        if (supplier != null) {
            Element endpointId = supplier.child(CBC, "EndpointID");
            endpoint = endpointId == null ? null : endpointId.text();
            Element legal = supplier.child(CAC, "PartyLegalEntity");
            if (legal == null) {
                problems.add(missing(supplier, "cac:PartyLegalEntity"));
            } else {
                supplierName = check.text(legal, CBC, "RegistrationName");
            }
            Element taxScheme = supplier.child(CAC, "PartyTaxScheme");
            if (taxScheme != null && taxScheme.child(CBC, "CompanyID") != null) {
                taxId = taxScheme.child(CBC, "CompanyID").text();
            } else if (legal != null && legal.child(CBC, "CompanyID") != null) {
                taxId = legal.child(CBC, "CompanyID").text();
            }
        }
        Element totals = root.child(CAC, "LegalMonetaryTotal");
        BigDecimal payable = null;
        if (totals == null) {
            problems.add(missing(root, "cac:LegalMonetaryTotal"));
        } else {
            payable = check.amount(totals, "PayableAmount", currency);
            if (payable != null && payable.signum() <= 0) {
                problems.add(new FileProblem("line " + totals.line + ", " + totals.path() + "/cbc:PayableAmount",
                        "a credit note gives back more than zero"));
            }
        }
        if (root.all(CAC, "CreditNoteLine").isEmpty()) {
            problems.add(missing(root, "cac:CreditNoteLine"));
        }
        if (!problems.isEmpty() || payable == null || issued == null) {
            throw new FileRejected("invalid-e-credit-note", problems.size() + " problem(s) in the credit note; nothing was captured.",
                    problems);
        }
        return new CreditRead(number, issued, currency, payable, invoiceNumber, taxId, endpoint, supplierName);
    }

    private static FileProblem missing(Element parent, String child) {
        return new FileProblem("line " + parent.line + ", " + parent.path() + "/" + child, "required element is missing");
    }

    private record Checker(List<FileProblem> problems) {

        void required(Element parent, String ns, String name) {
            if (parent.child(ns, name) == null) {
                problems.add(missing(parent, prefix(ns) + name));
            }
        }

        String text(Element parent, String ns, String name) {
            Element child = parent.child(ns, name);
            if (child == null) {
                problems.add(missing(parent, prefix(ns) + name));
                return "";
            }
            if (child.text().isEmpty()) {
                problems.add(new FileProblem("line " + child.line + ", " + child.path(), "must not be empty"));
            }
            return child.text();
        }

        @Nullable Element path(Element parent, String... names) {
            Element current = parent;
            for (String name : names) {
                Element next = current.child(CAC, name);
                if (next == null) {
                    problems.add(missing(current, "cac:" + name));
                    return null;
                }
                current = next;
            }
            return current;
        }

        @Nullable LocalDate date(Element parent, String name, boolean required) {
            Element child = parent.child(CBC, name);
            if (child == null) {
                if (required) {
                    problems.add(missing(parent, "cbc:" + name));
                }
                return null;
            }
            try {
                return LocalDate.parse(child.text());
            } catch (DateTimeParseException e) {
                problems.add(new FileProblem("line " + child.line + ", " + child.path(), "'" + child.text() + "' is not a date (YYYY-MM-DD)"));
                return null;
            }
        }

        @Nullable BigDecimal decimal(Element parent, String name) {
            Element child = parent.child(CBC, name);
            if (child == null) {
                problems.add(missing(parent, "cbc:" + name));
                return null;
            }
            try {
                return Decimals.parse(child.text());
            } catch (NumberFormatException e) {
                problems.add(new FileProblem("line " + child.line + ", " + child.path(), "'" + child.text() + "' is not a number"));
                return null;
            }
        }

        @Nullable BigDecimal amount(Element parent, String name, String currency) {
            BigDecimal value = decimal(parent, name);
            Element child = parent.child(CBC, name);
            if (child != null && value != null && !currency.isEmpty()) {
                String given = child.attributes.get("currencyID");
                if (given == null) {
                    problems.add(new FileProblem("line " + child.line + ", " + child.path() + "/@currencyID", "required attribute is missing"));
                } else if (!given.equals(currency)) {
                    problems.add(new FileProblem("line " + child.line + ", " + child.path() + "/@currencyID",
                            given + " differs from the document currency " + currency));
                }
            }
            return value;
        }

        private static String prefix(String ns) {
            return ns.equals(CAC) ? "cac:" : ns.equals(CBC) ? "cbc:" : "";
        }
    }

    private static Element parse(byte[] xml) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        XMLStreamReader reader = null;
        Element root = null;
        Element current = null;
        try {
            reader = factory.createXMLStreamReader(new ByteArrayInputStream(xml));
            while (reader.hasNext()) {
                int event = reader.next();
                switch (event) {
                    case XMLStreamConstants.DTD -> throw new FileRejected("xml-entities-refused",
                            "The document declares a document type; OpenBPO refuses DTDs and entities (XXE) in e-invoices.",
                            List.of(new FileProblem("line " + reader.getLocation().getLineNumber(), "<!DOCTYPE …> is not accepted")));
                    case XMLStreamConstants.ENTITY_REFERENCE -> throw new FileRejected("xml-entities-refused",
                            "The document refers to an entity; OpenBPO refuses entities (XXE) in e-invoices.",
                            List.of(new FileProblem("line " + reader.getLocation().getLineNumber(), "&" + reader.getLocalName() + "; is not accepted")));
                    case XMLStreamConstants.START_ELEMENT -> {
                        Element element = new Element(reader.getNamespaceURI() == null ? "" : reader.getNamespaceURI(),
                                reader.getLocalName(), reader.getPrefix(), reader.getLocation().getLineNumber());
                        for (int i = 0; i < reader.getAttributeCount(); i++) {
                            element.attributes.put(reader.getAttributeLocalName(i), reader.getAttributeValue(i));
                        }
                        if (current == null) {
                            root = element;
                        } else {
                            element.parent = current;
                            current.children.add(element);
                        }
                        current = element;
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
                        if (current != null) {
                            current.text.append(reader.getText());
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> current = current == null ? null : current.parent;
                    default -> {
                    }
                }
            }
        } catch (XMLStreamException e) {
            var location = e.getLocation();
            String where = location == null ? "document" : "line " + location.getLineNumber() + ", column " + location.getColumnNumber();
            String message = String.valueOf(e.getMessage()).replaceAll("(?s)^ParseError at \\[row,col\\]:\\[\\d+,\\d+\\]\\s*Message:\\s*", "");
            throw new FileRejected("malformed-xml", "The e-invoice is not well-formed XML.", List.of(new FileProblem(where, message)));
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException ignored) {
                    // nothing to release beyond the byte array
                }
            }
        }
        if (root == null) {
            throw new FileRejected("malformed-xml", "The e-invoice is empty.", List.of(new FileProblem("line 1", "no root element")));
        }
        return root;
    }
}

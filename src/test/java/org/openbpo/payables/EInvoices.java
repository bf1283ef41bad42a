package org.openbpo.payables;

/** UBL 2.1 invoices as PEPPOL BIS Billing 3.0 sends them, for the tests. */
final class EInvoices {

    private EInvoices() {
    }

    static String invoice(String number, String supplierTaxId, String currency, String lineQuantity, String unitPrice,
                          String net, String tax, String payable, String order) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
                         xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
                         xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
                  <cbc:CustomizationID>urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0</cbc:CustomizationID>
                  <cbc:ProfileID>urn:fdc:peppol.eu:2017:poacc:billing:01:1.0</cbc:ProfileID>
                  <cbc:ID>%1$s</cbc:ID>
                  <cbc:IssueDate>2026-03-01</cbc:IssueDate>
                  <cbc:DueDate>2026-03-31</cbc:DueDate>
                  <cbc:InvoiceTypeCode>380</cbc:InvoiceTypeCode>
                  <cbc:DocumentCurrencyCode>%3$s</cbc:DocumentCurrencyCode>
                  %9$s
                  <cac:AccountingSupplierParty>
                    <cac:Party>
                      <cbc:EndpointID schemeID="0088">7300010000001</cbc:EndpointID>
                      <cac:PartyTaxScheme>
                        <cbc:CompanyID>%2$s</cbc:CompanyID>
                        <cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme>
                      </cac:PartyTaxScheme>
                      <cac:PartyLegalEntity><cbc:RegistrationName>Supplier Ltd</cbc:RegistrationName></cac:PartyLegalEntity>
                    </cac:Party>
                  </cac:AccountingSupplierParty>
                  <cac:AccountingCustomerParty>
                    <cac:Party>
                      <cbc:EndpointID schemeID="0088">7300010000002</cbc:EndpointID>
                      <cac:PartyLegalEntity><cbc:RegistrationName>Buyer plc</cbc:RegistrationName></cac:PartyLegalEntity>
                    </cac:Party>
                  </cac:AccountingCustomerParty>
                  <cac:TaxTotal>
                    <cbc:TaxAmount currencyID="%3$s">%7$s</cbc:TaxAmount>
                  </cac:TaxTotal>
                  <cac:LegalMonetaryTotal>
                    <cbc:LineExtensionAmount currencyID="%3$s">%6$s</cbc:LineExtensionAmount>
                    <cbc:TaxExclusiveAmount currencyID="%3$s">%6$s</cbc:TaxExclusiveAmount>
                    <cbc:TaxInclusiveAmount currencyID="%3$s">%8$s</cbc:TaxInclusiveAmount>
                    <cbc:PayableAmount currencyID="%3$s">%8$s</cbc:PayableAmount>
                  </cac:LegalMonetaryTotal>
                  <cac:InvoiceLine>
                    <cbc:ID>1</cbc:ID>
                    <cbc:InvoicedQuantity unitCode="EA">%4$s</cbc:InvoicedQuantity>
                    <cbc:LineExtensionAmount currencyID="%3$s">%6$s</cbc:LineExtensionAmount>
                    <cac:OrderLineReference><cbc:LineID>1</cbc:LineID></cac:OrderLineReference>
                    <cac:Item><cbc:Name>Printer paper</cbc:Name></cac:Item>
                    <cac:Price><cbc:PriceAmount currencyID="%3$s">%5$s</cbc:PriceAmount></cac:Price>
                  </cac:InvoiceLine>
                </Invoice>
                """.formatted(number, supplierTaxId, currency, lineQuantity, unitPrice, net, tax, payable,
                order == null ? "" : "<cac:OrderReference><cbc:ID>" + order + "</cbc:ID></cac:OrderReference>").strip();
    }
}

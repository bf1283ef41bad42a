package org.openbpo.shared.bankfile;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A SEPA credit transfer initiation, ISO 20022 pain.001.001.09: a group header with the number of
 * transactions and their control sum, one payment information block (service level SEPA,
 * charges shared as SLEV) and a credit transfer per payment. Texts are cut to the schema's
 * lengths and limited to the SEPA character set (Latin letters, digits and / - ? : ( ) . , ' +).
 */
final class SepaCreditTransferFile {

    static final String NAMESPACE = "urn:iso:std:iso:20022:tech:xsd:pain.001.001.09";
    private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private SepaCreditTransferFile() {
    }

    static byte[] write(PaymentBatch batch) {
        if (!(batch.originator().account() instanceof BankAccount.Iban own)) {
            throw new IllegalArgumentException("A SEPA credit transfer is sent from an IBAN");
        }
        BigDecimal sum = batch.payments().stream().map(p -> p.amount().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
        String count = Integer.toString(batch.payments().size());
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("Document");
            xml.writeDefaultNamespace(NAMESPACE);
            xml.writeStartElement("CstmrCdtTrfInitn");
            xml.writeStartElement("GrpHdr");
            text(xml, "MsgId", sepa(batch.reference(), 35));
            text(xml, "CreDtTm", CREATED.format(batch.createdAt().truncatedTo(ChronoUnit.SECONDS).atZone(ZoneOffset.UTC)));
            text(xml, "NbOfTxs", count);
            text(xml, "CtrlSum", sum.toPlainString());
            xml.writeStartElement("InitgPty");
            text(xml, "Nm", sepa(batch.originator().name(), 70));
            if (!batch.originator().identifier().isEmpty()) {
                xml.writeStartElement("Id");
                xml.writeStartElement("OrgId");
                xml.writeStartElement("Othr");
                text(xml, "Id", sepa(batch.originator().identifier(), 35));
                xml.writeEndElement();
                xml.writeEndElement();
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndElement();

            xml.writeStartElement("PmtInf");
            text(xml, "PmtInfId", sepa(batch.reference(), 35));
            text(xml, "PmtMtd", "TRF");
            text(xml, "NbOfTxs", count);
            text(xml, "CtrlSum", sum.toPlainString());
            xml.writeStartElement("PmtTpInf");
            xml.writeStartElement("SvcLvl");
            text(xml, "Cd", "SEPA");
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeStartElement("ReqdExctnDt");
            text(xml, "Dt", batch.executionDate().toString());
            xml.writeEndElement();
            xml.writeStartElement("Dbtr");
            text(xml, "Nm", sepa(batch.originator().name(), 70));
            xml.writeEndElement();
            account(xml, "DbtrAcct", own);
            agent(xml, "DbtrAgt", own);
            text(xml, "ChrgBr", "SLEV");
            int n = 0;
            for (BankPayment payment : batch.payments()) {
                BankAccount.Iban to = (BankAccount.Iban) payment.account();
                n++;
                xml.writeStartElement("CdtTrfTxInf");
                xml.writeStartElement("PmtId");
                String endToEnd = payment.reference().isEmpty() ? batch.reference() + "-" + n : payment.reference();
                text(xml, "EndToEndId", sepa(endToEnd, 35));
                xml.writeEndElement();
                xml.writeStartElement("Amt");
                xml.writeStartElement("InstdAmt");
                xml.writeAttribute("Ccy", "EUR");
                xml.writeCharacters(payment.amount().amount().toPlainString());
                xml.writeEndElement();
                xml.writeEndElement();
                if (to.bic() != null) {
                    agent(xml, "CdtrAgt", to);
                }
                xml.writeStartElement("Cdtr");
                text(xml, "Nm", sepa(payment.payeeName(), 70));
                xml.writeEndElement();
                account(xml, "CdtrAcct", to);
                if (!payment.reference().isEmpty()) {
                    xml.writeStartElement("RmtInf");
                    text(xml, "Ustrd", sepa(payment.reference(), 140));
                    xml.writeEndElement();
                }
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void account(XMLStreamWriter xml, String element, BankAccount.Iban iban) throws XMLStreamException {
        xml.writeStartElement(element);
        xml.writeStartElement("Id");
        text(xml, "IBAN", iban.iban());
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private static void agent(XMLStreamWriter xml, String element, BankAccount.Iban iban) throws XMLStreamException {
        xml.writeStartElement(element);
        xml.writeStartElement("FinInstnId");
        if (iban.bic() != null) {
            text(xml, "BICFI", iban.bic());
        } else {
            // IBAN-only payments: the bank is found from the IBAN.
            xml.writeStartElement("Othr");
            text(xml, "Id", "NOTPROVIDED");
            xml.writeEndElement();
        }
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private static void text(XMLStreamWriter xml, String element, String value) throws XMLStreamException {
        xml.writeStartElement(element);
        xml.writeCharacters(value);
        xml.writeEndElement();
    }

    /** The SEPA character set, cut to the field's length. */
    static String sepa(String value, int max) {
        String plain = java.text.Normalizer.normalize(value, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String allowed = plain.replaceAll("[^A-Za-z0-9/\\-?:().,'+ ]", ".").strip();
        if (allowed.isEmpty()) {
            allowed = ".";
        }
        return allowed.length() > max ? allowed.substring(0, max) : allowed;
    }
}

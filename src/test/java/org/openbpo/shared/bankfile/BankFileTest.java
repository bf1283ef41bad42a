package org.openbpo.shared.bankfile;

import org.junit.jupiter.api.Test;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.shared.money.Money;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rules of each bank file's specification, checked on the bytes written. */
class BankFileTest {

    private static final Instant CREATED = Instant.parse("2026-03-02T14:05:00Z");
    private static final LocalDate PAY_ON = LocalDate.of(2026, 3, 4);

    @Test
    void accountsAreCheckedByTheirOwnRules() {
        assertThat(new BankAccount.Iban("DE89 3704 0044 0532 0130 00", "COBADEFFXXX").masked()).isEqualTo("DE•• •••• 3000");
        assertThat(new BankAccount.Iban("GB82WEST12345698765432", null).country()).isEqualTo("GB");
        assertThatThrownBy(() -> new BankAccount.Iban("DE89370400440532013001", null))
                .isInstanceOf(BusinessRuleViolation.class).hasMessageContaining("check digits");
        assertThatThrownBy(() -> new BankAccount.Iban("DE8937040044053201300", null)).hasMessageContaining("22 characters");
        assertThatThrownBy(() -> new BankAccount.Iban("DE89370400440532013000", "COBA")).hasMessageContaining("BIC");
        assertThat(new BankAccount.UsAccount("021000021", "123456789", false).masked()).isEqualTo("021000021 ••••6789");
        assertThatThrownBy(() -> new BankAccount.UsAccount("021000022", "1", false))
                .isInstanceOf(BusinessRuleViolation.class).hasMessageContaining("check digit");
        assertThat(new BankAccount.UkAccount("20-00-00", "55779911").canonical()).isEqualTo("UK:200000:55779911");
        assertThatThrownBy(() -> new BankAccount.UkAccount("20-00-0", "55779911")).hasMessageContaining("six digits");
        for (BankAccount account : List.of(new BankAccount.Iban("DE89370400440532013000", "COBADEFFXXX"),
                new BankAccount.UkAccount("200000", "55779911"), new BankAccount.UsAccount("021000021", "42", true))) {
            assertThat(BankAccount.parse(account.canonical())).isEqualTo(account);
        }
    }

    @Test
    void nachaRecordsAre94CharactersInBlocksOfTenWithControlTotalsAndHash() {
        PaymentBatch batch = new PaymentBatch(new Originator("Lakeshore Retail", new BankAccount.UsAccount("091000019", "7700123", false),
                "1234567890", "US BANK"), PAY_ON, "RUN-0001", "PAYABLES", CREATED, List.of(
                new BankPayment("Acme Supplies", new BankAccount.UsAccount("021000021", "111222333", false), Money.of("1250.40", "USD"), "INV-1"),
                new BankPayment("Béla Óvári", new BankAccount.UsAccount("011000138", "987", true), Money.of("99.99", "USD"), "INV-2"),
                new BankPayment("Zed Corp", new BankAccount.UsAccount("021000021", "5", false), Money.of("0.01", "USD"), "INV-3")));
        String file = new String(BankFileFormat.NACHA.write(batch).content(), StandardCharsets.US_ASCII);
        List<String> records = file.lines().toList();
        assertThat(records).allSatisfy(record -> assertThat(record).hasSize(94));
        assertThat(records.size() % 10).isZero();
        assertThat(records.get(0)).startsWith("101 091000019").contains("260302").contains("1405").contains("A09410");
        assertThat(records.get(1)).startsWith("5220").contains("CCD").contains("PAYABLES").contains("260304").endsWith("091000010000001");
        List<String> entries = records.stream().filter(r -> r.startsWith("6")).toList();
        assertThat(entries).hasSize(3);
        assertThat(entries.get(0).substring(1, 3)).isEqualTo("22");
        assertThat(entries.get(1).substring(1, 3)).as("savings credit").isEqualTo("32");
        assertThat(entries.get(0).substring(29, 39)).isEqualTo("0000125040");
        assertThat(entries.get(1).substring(54, 76)).isEqualTo("BELA OVARI            ");
        long hash = 0;
        long total = 0;
        for (String entry : entries) {
            hash += Long.parseLong(entry.substring(3, 11));
            total += Long.parseLong(entry.substring(29, 39));
            assertThat(entry.substring(79, 94)).startsWith("09100001");
        }
        String batchControl = records.stream().filter(r -> r.startsWith("8")).findFirst().orElseThrow();
        assertThat(batchControl.substring(4, 10)).isEqualTo("000003");
        assertThat(Long.parseLong(batchControl.substring(10, 20))).isEqualTo(hash % 10_000_000_000L);
        assertThat(Long.parseLong(batchControl.substring(20, 32))).isZero();
        assertThat(Long.parseLong(batchControl.substring(32, 44))).isEqualTo(total).isEqualTo(135040L);
        String fileControl = records.stream().filter(r -> r.startsWith("9") && !r.equals("9".repeat(94))).findFirst().orElseThrow();
        assertThat(fileControl.substring(1, 7)).isEqualTo("000001");
        assertThat(fileControl.substring(7, 13)).as("blocks").isEqualTo("000001");
        assertThat(fileControl.substring(13, 21)).isEqualTo("00000003");
        assertThat(fileControl.substring(21, 31)).isEqualTo(batchControl.substring(10, 20));
        assertThat(Long.parseLong(fileControl.substring(43, 55))).isEqualTo(total);
    }

    @Test
    void sepaCreditTransferHasMatchingCountsControlSumsAndValidAccounts() throws Exception {
        PaymentBatch batch = new PaymentBatch(new Originator("Kaveri Software GmbH", new BankAccount.Iban("DE89370400440532013000", "COBADEFFXXX"),
                "DE98ZZZ09999999999", null), PAY_ON, "RUN-0002", "PAYABLES", CREATED, List.of(
                new BankPayment("Müller & Söhne <GmbH>", new BankAccount.Iban("FR1420041010050500013M02606", null), Money.of("1000.00", "EUR"), "INV 77"),
                new BankPayment("Acme BV", new BankAccount.Iban("NL91ABNA0417164300", "ABNANL2A"), Money.of("23.45", "EUR"), "INV 78")));
        byte[] xml = BankFileFormat.SEPA.write(batch).content();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        Element root = document.getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo("urn:iso:std:iso:20022:tech:xsd:pain.001.001.09");
        assertThat(text(document, "NbOfTxs", 0)).isEqualTo("2");
        assertThat(text(document, "NbOfTxs", 1)).isEqualTo("2");
        NodeList amounts = document.getElementsByTagNameNS("*", "InstdAmt");
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < amounts.getLength(); i++) {
            Element amount = (Element) amounts.item(i);
            assertThat(amount.getAttribute("Ccy")).isEqualTo("EUR");
            assertThat(amount.getTextContent()).matches("[0-9]+\\.[0-9]{2}");
            sum = sum.add(new BigDecimal(amount.getTextContent()));
        }
        assertThat(new BigDecimal(text(document, "CtrlSum", 0))).isEqualByComparingTo(sum).isEqualByComparingTo("1023.45");
        assertThat(new BigDecimal(text(document, "CtrlSum", 1))).isEqualByComparingTo(sum);
        NodeList ibans = document.getElementsByTagNameNS("*", "IBAN");
        for (int i = 0; i < ibans.getLength(); i++) {
            assertThat(BankAccount.Iban.ibanProblem(ibans.item(i).getTextContent())).isNull();
        }
        NodeList bics = document.getElementsByTagNameNS("*", "BICFI");
        for (int i = 0; i < bics.getLength(); i++) {
            assertThat(bics.item(i).getTextContent()).matches("[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?");
        }
        NodeList names = document.getElementsByTagNameNS("*", "Nm");
        for (int i = 0; i < names.getLength(); i++) {
            assertThat(names.item(i).getTextContent()).matches("[A-Za-z0-9/\\-?:().,'+ ]{1,70}");
        }
        assertThat(text(document, "Nm", 2)).isEqualTo("Muller . Sohne .GmbH.");
        assertThat(text(document, "Cd", 0)).isEqualTo("SEPA");
        assertThat(text(document, "ChrgBr", 0)).isEqualTo("SLEV");
        assertThat(text(document, "Dt", 0)).isEqualTo("2026-03-04");
    }

    @Test
    void bacsStandard18HasFixedRecordsAContraAndUtlTotals() {
        PaymentBatch batch = new PaymentBatch(new Originator("Albion Mutual", new BankAccount.UkAccount("40-47-84", "70872490"),
                "123456", null), PAY_ON, "RUN-0003", "PAYABLES", CREATED, List.of(
                new BankPayment("Thames Office Supplies Limited", new BankAccount.UkAccount("20-00-00", "55779911"), Money.of("120.50", "GBP"), "INV-9"),
                new BankPayment("O'Brien & Co", new BankAccount.UkAccount("09-01-26", "12345678"), Money.of("10.00", "GBP"), "INV-10")));
        List<String> records = new String(BankFileFormat.BACS.write(batch).content(), StandardCharsets.US_ASCII).lines().toList();
        List<String> labels = records.stream().filter(r -> r.matches("^(VOL1|HDR1|HDR2|UHL1|EOF1|EOF2|UTL1).*")).toList();
        List<String> data = records.stream().filter(r -> !labels.contains(r)).toList();
        assertThat(labels).extracting(r -> r.substring(0, 4)).containsExactly("VOL1", "HDR1", "HDR2", "UHL1", "EOF1", "EOF2", "UTL1");
        assertThat(labels).allSatisfy(label -> assertThat(label).hasSize(80));
        assertThat(data).hasSize(3).allSatisfy(record -> assertThat(record).hasSize(106));
        assertThat(data.get(0)).startsWith("200000557799110" + "99" + "404784" + "70872490");
        assertThat(data.get(0).substring(35, 46)).isEqualTo("00000012050");
        assertThat(data.get(0).substring(82, 100)).isEqualTo("THAMES OFFICE SUPP");
        assertThat(data.get(1).substring(82, 100)).isEqualTo("O BRIEN & CO      ");
        assertThat(data.get(0).substring(100)).isEqualTo(" 26063");
        String contra = data.get(2);
        assertThat(contra.substring(15, 17)).isEqualTo("17");
        assertThat(contra.substring(0, 14)).isEqualTo("40478470872490");
        long credits = data.subList(0, 2).stream().mapToLong(r -> Long.parseLong(r.substring(35, 46))).sum();
        assertThat(Long.parseLong(contra.substring(35, 46))).isEqualTo(credits).isEqualTo(13050L);
        String utl = labels.getLast();
        assertThat(Long.parseLong(utl.substring(4, 17))).as("debit total").isEqualTo(credits);
        assertThat(Long.parseLong(utl.substring(17, 30))).as("credit total").isEqualTo(credits);
        assertThat(Long.parseLong(utl.substring(30, 37))).as("debit count").isEqualTo(1);
        assertThat(Long.parseLong(utl.substring(37, 44))).as("credit count").isEqualTo(2);
        assertThat(labels.getFirst().substring(41, 47)).as("service user number").isEqualTo("123456");
    }

    @Test
    void aFileRefusesPaymentsItsSchemeCannotCarry() {
        Originator us = new Originator("X", new BankAccount.UsAccount("091000019", "1", false), "1234567890", null);
        assertThatThrownBy(() -> BankFileFormat.NACHA.write(new PaymentBatch(us, PAY_ON, "R", "P", CREATED, List.of(
                new BankPayment("Y", new BankAccount.Iban("DE89370400440532013000", null), Money.of("1.00", "USD"), "")))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("IBAN");
        assertThatThrownBy(() -> BankFileFormat.NACHA.write(new PaymentBatch(us, PAY_ON, "R", "P", CREATED, List.of(
                new BankPayment("Y", new BankAccount.UsAccount("021000021", "1", false), Money.of("1.00", "EUR"), "")))))
                .hasMessageContaining("USD");
        assertThat(BankFileFormat.forCurrency("GBP")).isEqualTo(BankFileFormat.BACS);
    }

    private static String text(Document document, String tag, int index) {
        return document.getElementsByTagNameNS("*", tag).item(index).getTextContent();
    }
}

package org.openbpo.shared.bankfile;

/**
 * The bank files OpenBPO writes: US ACH (NACHA, credits in USD), SEPA credit transfers
 * (ISO 20022 pain.001.001.09, EUR) and UK BACS Standard 18 (GBP). Each refuses payments its
 * scheme cannot carry with an {@link IllegalArgumentException} naming the payment.
 */
public enum BankFileFormat {
    NACHA("USD", "US"), SEPA("EUR", "IBAN"), BACS("GBP", "UK");

    private final String currency;
    private final String accountScheme;

    BankFileFormat(String currency, String accountScheme) {
        this.currency = currency;
        this.accountScheme = accountScheme;
    }

    public String currency() {
        return currency;
    }

    /** The kind of bank account the format pays into. */
    public String accountScheme() {
        return accountScheme;
    }

    public BankFile write(PaymentBatch batch) {
        if (!batch.currency().getCurrencyCode().equals(currency)) {
            throw new IllegalArgumentException(name() + " files pay " + currency + ", not " + batch.currency());
        }
        for (BankPayment payment : batch.payments()) {
            if (!payment.account().scheme().equals(accountScheme)) {
                throw new IllegalArgumentException(name() + " cannot pay " + payment.payeeName() + ": their account is "
                        + payment.account().scheme() + ", not " + accountScheme);
            }
        }
        return switch (this) {
            case NACHA -> new BankFile(batch.reference() + ".ach", "text/plain", NachaFile.write(batch));
            case SEPA -> new BankFile(batch.reference() + ".xml", "application/xml", SepaCreditTransferFile.write(batch));
            case BACS -> new BankFile(batch.reference() + ".bacs", "text/plain", Bacs18File.write(batch));
        };
    }

    /** The format that pays this currency. */
    public static BankFileFormat forCurrency(String currency) {
        for (BankFileFormat format : values()) {
            if (format.currency.equals(currency)) {
                return format;
            }
        }
        throw new IllegalArgumentException("No bank file format pays " + currency);
    }
}

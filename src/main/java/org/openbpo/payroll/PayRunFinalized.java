package org.openbpo.payroll;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A pay run was finalised: its payslips are numbered and locked and the employees' figures to date carry
 * them. The journal it makes in the client's books: the gross pay and the employer's costs as expenses;
 * the net pay owed to the employees, each tax and contribution withheld or owed by the employer, and each
 * deduction after tax as liabilities; a UK run's Employment Allowance claim off the employer NICs owed.
 * Debits equal credits.
 */
public record PayRunFinalized(UUID clientId, long payRunId, String payGroup, LocalDate payDate, String currency,
                              List<JournalLine> lines) {

    public enum Purpose {
        /** Debit: salaries and wages expense. */
        GROSS_PAY,
        /** Debit: the employer's taxes and contributions, an expense (code: SS_ER, NI_ER, EPF_ER, ...). */
        EMPLOYER_COST,
        /** Credit: net pay owed to the employees until paid. */
        NET_PAY,
        /** Credit: tax and contributions withheld from pay, owed to the authority (code: FIT, PAYE, NI_EE, ...). */
        WITHHELD,
        /** Credit: the employer's taxes and contributions, owed to the authority. */
        EMPLOYER_LIABILITY,
        /** Credit: deductions after tax, owed to whoever they are for. */
        DEDUCTION,
        /**
         * Credit: the UK Employment Allowance the run claims against its employer NICs (code NI_ER), reducing
         * their cost; the EMPLOYER_LIABILITY line for NI_ER is then what is owed to HMRC net of the claim.
         */
        EMPLOYMENT_ALLOWANCE
    }

    /**
     * One line: what it is for, the pay line code it sums, and the amount: positive, or negative in a reversal
     * run's journal, which the books post on the other side (a reversing entry).
     */
    public record JournalLine(Purpose purpose, String code, BigDecimal amount) {
        public boolean debit() {
            return purpose == Purpose.GROSS_PAY || purpose == Purpose.EMPLOYER_COST;
        }
    }
}

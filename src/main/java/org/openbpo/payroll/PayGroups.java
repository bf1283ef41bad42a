package org.openbpo.payroll;

import org.openbpo.audit.AuditTrail;
import org.openbpo.contracts.Contracts;
import org.openbpo.contracts.ServiceLineKind;
import org.openbpo.contracts.ServiceTerms;
import org.openbpo.payroll.domain.BankAccount;
import org.openbpo.payroll.domain.Country;
import org.openbpo.payroll.domain.PayFrequency;
import org.openbpo.payroll.domain.PaySchedule;
import org.openbpo.payroll.persistence.PayGroupRows;
import org.openbpo.shared.calendar.BusinessCalendar;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.shared.error.NotFound;
import org.openbpo.shared.secret.Secrets;
import org.openbpo.tenancy.Clients;
import org.openbpo.tenancy.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Pay groups and their schedules: periods, cut-offs and pay dates on the client's business calendar. */
@Service
public class PayGroups {

    private final PayGroupRows rows;
    private final Clients clients;
    private final Contracts contracts;
    private final PayrollCalculator calculator;
    private final AuditTrail audit;
    private final Clock clock;
    private final Secrets secrets;

    PayGroups(PayGroupRows rows, Clients clients, Contracts contracts, PayrollCalculator calculator, AuditTrail audit, Clock clock,
              Secrets secrets) {
        this.rows = rows;
        this.secrets = secrets;
        this.clients = clients;
        this.contracts = contracts;
        this.calculator = calculator;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public PayGroup define(UUID client, DefinePayGroup command, CurrentUser by) {
        clients.get(client);
        PayrollPermissions.requirePayrollStaff(by, "define pay groups");
        Country country = choice("country", command.country(), Country.class);
        PayFrequency frequency = choice("frequency", command.frequency(), PayFrequency.class);
        if (frequency == PayFrequency.DAILY) {
            throw BusinessRuleViolation.invalid("frequency", "Pay groups are paid WEEKLY, BIWEEKLY, SEMIMONTHLY, MONTHLY or FOUR_WEEKLY");
        }
        boolean tablesHaveIt = calculator.packs().all().stream()
                .anyMatch(pack -> pack.info().country() == country && pack.info().lastPeriods().containsKey(frequency));
        if (!tablesHaveIt) {
            throw BusinessRuleViolation.invalid("frequency", country + " rule packs have no " + frequency + " tables");
        }
        ServiceTerms terms = contracts.termsInForce(client, command.serviceLine()).orElseThrow(() -> BusinessRuleViolation.invalid(
                "serviceLine", command.serviceLine() + " is not a service line on an active contract"));
        if (terms.serviceLine().kind() != ServiceLineKind.PAYROLL) {
            throw BusinessRuleViolation.invalid("serviceLine", command.serviceLine() + " is a " + terms.serviceLine().kind()
                    + " service line, not PAYROLL");
        }
        PaySchedule.of(frequency, command.anchorPeriodEnd(), country, 0, 0);
        PayGroup group = new PayGroup(command.code(), command.name().strip(), country, frequency, command.serviceLine(),
                command.anchorPeriodEnd(), command.payOffsetDays() == null ? 0 : command.payOffsetDays(),
                command.cutOffDays() == null ? 2 : command.cutOffDays());
        if (!rows.insert(client, group, clock.instant())) {
            throw new BusinessRuleViolation(409, "pay-group-exists", "code", "Pay group " + group.code() + " already exists.");
        }
        audit.record(client, "payroll.pay-group-defined", "pay-group", group.code(), null, group);
        return group;
    }

    @Transactional(readOnly = true)
    public PayGroup get(UUID client, String code) {
        clients.get(client);
        return rows.find(client, code).orElseThrow(() -> new NotFound("pay group", code));
    }

    @Transactional(readOnly = true)
    public List<PayGroup> of(UUID client) {
        clients.get(client);
        return rows.all(client);
    }

    /**
     * Names the account the group's net pay leaves from: the originator of its bank files. The account is
     * checked as employees' accounts are, must be of the group's country, and is sealed; the identifier is
     * required where the country's file needs it (NACHA company identification, BACS service user number).
     */
    @Transactional
    public FundingAccount setFundingAccount(UUID client, String code, SetFundingAccount command, CurrentUser by) {
        PayGroup group = get(client, code);
        PayrollPermissions.requirePayrollManager(by, "set pay groups' funding accounts");
        BankAccount.Scheme scheme = choice("bankScheme", command.bankScheme(), BankAccount.Scheme.class);
        BankAccount.Scheme expected = switch (group.country()) {
            case US -> BankAccount.Scheme.US_ABA;
            case GB -> BankAccount.Scheme.GB_SORT_CODE;
            case IN -> BankAccount.Scheme.IN_IFSC;
            case PH -> BankAccount.Scheme.PH_BANK;
        };
        if (scheme != expected) {
            throw BusinessRuleViolation.invalid("bankScheme", group.code() + " pays " + group.country().currency()
                    + " from a " + expected + " account, not " + scheme);
        }
        BankAccount account;
        try {
            account = BankAccount.parse(scheme, command.bankRouting(), command.bankAccount());
        } catch (BankAccount.Refused refused) {
            throw BusinessRuleViolation.invalid(refused.field(), refused.getMessage());
        }
        String identifier = command.identifier() == null ? "" : command.identifier().strip();
        if (group.country() == Country.US && (identifier.isEmpty() || identifier.length() > 10)) {
            throw BusinessRuleViolation.invalid("identifier", "A NACHA file needs the company identification the bank gave "
                    + "the client (1 to 10 characters, often 1 followed by the EIN)");
        }
        if (group.country() == Country.GB && !identifier.matches("[0-9]{6}")) {
            throw BusinessRuleViolation.invalid("identifier", "A BACS file needs the client's six-digit service user number");
        }
        FundingAccount before = rows.funding(client, code).map(f -> view(code, f)).orElse(null);
        rows.setFunding(client, code, command.name().strip(), identifier, command.bankName() == null ? "" : command.bankName().strip(),
                scheme.name(), secrets.seal(account.sealable(), fundingContext(client, code)), account.masked());
        FundingAccount after = fundingAccount(client, code);
        audit.record(client, "payroll.funding-account-set", "pay-group", code, before, after);
        return after;
    }

    @Transactional(readOnly = true)
    public FundingAccount fundingAccount(UUID client, String code) {
        get(client, code);
        return rows.funding(client, code).map(f -> view(code, f)).orElseThrow(() -> new NotFound("funding account of pay group", code));
    }

    /** The originator's name, identifier, bank and the account itself, for writing a bank file; empty until set. */
    java.util.Optional<Funding> funding(UUID client, String code) {
        return rows.funding(client, code).map(f -> new Funding(f.name(), f.identifier(), f.bankName(),
                BankAccount.unseal(secrets.open(f.sealed(), fundingContext(client, code)))));
    }

    record Funding(String name, String identifier, String bankName, BankAccount account) {
    }

    private static FundingAccount view(String code, PayGroupRows.Funding f) {
        return new FundingAccount(code, f.name(), f.identifier(), f.bankName(), f.scheme(), f.masked());
    }

    static String fundingContext(UUID client, String code) {
        return "payroll.pay-group.funding:" + client + ":" + code;
    }

    /** The group's next {@code count} periods whose pay date is on or after {@code from}. */
    @Transactional(readOnly = true)
    public List<PaySchedule.Period> upcoming(UUID client, String code, LocalDate from, int count) {
        PayGroup group = get(client, code);
        PaySchedule schedule = schedule(group);
        BusinessCalendar calendar = calendar(client, group);
        List<PaySchedule.Period> periods = new ArrayList<>();
        PaySchedule.Period period = schedule.periodEndingOnOrAfter(from.minusDays(group.payOffsetDays() + 7L), calendar);
        while (periods.size() < count) {
            if (!period.payDate().isBefore(from)) {
                periods.add(period);
            }
            period = schedule.next(period, calendar);
        }
        return periods;
    }

    /** The period of the group that ends on {@code periodEnd}; refused when the schedule has no such period. */
    @Transactional(readOnly = true)
    public PaySchedule.Period period(UUID client, PayGroup group, LocalDate periodEnd) {
        PaySchedule schedule = schedule(group);
        if (!schedule.endsPeriod(periodEnd)) {
            throw BusinessRuleViolation.invalid("periodEnd", periodEnd + " does not end a " + group.frequency() + " period of "
                    + group.code() + "; periods end on " + schedule.describe());
        }
        return schedule.periodEndingOnOrAfter(periodEnd, calendar(client, group));
    }

    static PaySchedule schedule(PayGroup group) {
        return PaySchedule.of(group.frequency(), group.anchorPeriodEnd(), group.country(), group.payOffsetDays(), group.cutOffDays());
    }

    BusinessCalendar calendar(UUID client, PayGroup group) {
        return contracts.termsInForce(client, group.serviceLine()).map(ServiceTerms::calendar).orElseThrow(() ->
                BusinessRuleViolation.conflict("no-payroll-contract", "The payroll service line " + group.serviceLine()
                        + " of pay group " + group.code() + " is not on an active contract."));
    }

    private static <E extends Enum<E>> E choice(String field, String value, Class<E> type) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw BusinessRuleViolation.invalid(field, "'" + value + "' is not one of " + Arrays.toString(type.getEnumConstants()));
        }
    }
}

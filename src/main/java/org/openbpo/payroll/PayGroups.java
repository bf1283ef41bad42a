package org.openbpo.payroll;

import org.openbpo.audit.AuditTrail;
import org.openbpo.contracts.Contracts;
import org.openbpo.contracts.ServiceLineKind;
import org.openbpo.contracts.ServiceTerms;
import org.openbpo.payroll.domain.Country;
import org.openbpo.payroll.domain.PayFrequency;
import org.openbpo.payroll.domain.PaySchedule;
import org.openbpo.payroll.persistence.PayGroupRows;
import org.openbpo.shared.calendar.BusinessCalendar;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.shared.error.NotFound;
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

    PayGroups(PayGroupRows rows, Clients clients, Contracts contracts, PayrollCalculator calculator, AuditTrail audit, Clock clock) {
        this.rows = rows;
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

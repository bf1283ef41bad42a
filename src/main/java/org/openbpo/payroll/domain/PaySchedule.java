package org.openbpo.payroll.domain;

import org.openbpo.shared.calendar.BusinessCalendar;
import org.openbpo.shared.error.BusinessRuleViolation;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A pay group's schedule: where periods end, when they are paid and when their inputs close, and which
 * period of the tax year each pay falls in. The tax period follows the pay date, as the tax tables do:
 * UK PAYE by the tax week or month (from 6 April) the payment is made in; India by the month of the
 * financial year (from April); the US and the Philippines by the pay's number in the calendar year.
 */
public final class PaySchedule {

    /** One period: its days, its pay date and cut-off on the client's calendar, and its tax year and number. */
    public record Period(LocalDate start, LocalDate end, LocalDate payDate, LocalDate cutOff, String taxYear, int number,
                         PayFrequency frequency) {
        public PayPeriod taxPeriod() {
            return new PayPeriod(frequency, number);
        }

        public long days() {
            return ChronoUnit.DAYS.between(start, end) + 1;
        }
    }

    private final PayFrequency frequency;
    private final LocalDate anchor;
    private final Country country;
    private final int payOffsetDays;
    private final int cutOffDays;

    private PaySchedule(PayFrequency frequency, LocalDate anchor, Country country, int payOffsetDays, int cutOffDays) {
        this.frequency = Objects.requireNonNull(frequency);
        this.anchor = anchor;
        this.country = country;
        this.payOffsetDays = payOffsetDays;
        this.cutOffDays = cutOffDays;
    }

    /** A schedule; refuses anchors the frequency cannot repeat (a semi-monthly period ends on the 15th or the month's end). */
    public static PaySchedule of(PayFrequency frequency, LocalDate anchor, Country country, int payOffsetDays, int cutOffDays) {
        if (frequency == PayFrequency.SEMIMONTHLY && anchor.getDayOfMonth() != 15 && !lastOfMonth(anchor)) {
            throw BusinessRuleViolation.invalid("anchorPeriodEnd", "Semi-monthly periods end on the 15th and the last day of the month");
        }
        if (frequency == PayFrequency.MONTHLY && anchor.getDayOfMonth() > 28 && !lastOfMonth(anchor)) {
            throw BusinessRuleViolation.invalid("anchorPeriodEnd", "Monthly periods end on a day from 1 to 28, or the month's last day");
        }
        if (frequency == PayFrequency.DAILY) {
            throw BusinessRuleViolation.invalid("frequency", "Pay groups are not paid daily");
        }
        return new PaySchedule(frequency, anchor, country, payOffsetDays, cutOffDays);
    }

    public boolean endsPeriod(LocalDate date) {
        return switch (frequency) {
            case WEEKLY, BIWEEKLY, FOUR_WEEKLY -> Math.floorMod(ChronoUnit.DAYS.between(anchor, date), step()) == 0;
            case SEMIMONTHLY -> date.getDayOfMonth() == 15 || lastOfMonth(date);
            case MONTHLY -> lastOfMonth(anchor) ? lastOfMonth(date) : date.getDayOfMonth() == anchor.getDayOfMonth();
            case DAILY -> true;
        };
    }

    public String describe() {
        return switch (frequency) {
            case WEEKLY, BIWEEKLY, FOUR_WEEKLY -> "every " + step() + " days from " + anchor;
            case SEMIMONTHLY -> "the 15th and the last day of each month";
            case MONTHLY -> lastOfMonth(anchor) ? "the last day of each month" : "day " + anchor.getDayOfMonth() + " of each month";
            case DAILY -> "every day";
        };
    }

    /** The first period ending on or after {@code date}. */
    public Period periodEndingOnOrAfter(LocalDate date, BusinessCalendar calendar) {
        LocalDate end = firstEndOnOrAfter(date);
        return period(end, calendar);
    }

    public Period next(Period period, BusinessCalendar calendar) {
        return period(firstEndOnOrAfter(period.end().plusDays(1)), calendar);
    }

    private Period period(LocalDate end, BusinessCalendar calendar) {
        LocalDate start = previousEnd(end).plusDays(1);
        LocalDate payDate = businessDayOnOrBefore(end.plusDays(payOffsetDays), calendar);
        LocalDate cutOff = payDate;
        for (int i = 0; i < cutOffDays; i++) {
            cutOff = businessDayOnOrBefore(cutOff.minusDays(1), calendar);
        }
        return new Period(start, end, payDate, cutOff, taxYear(payDate), number(end, payDate, calendar), frequency);
    }

    private String taxYear(LocalDate payDate) {
        return switch (country) {
            case US, PH -> String.valueOf(payDate.getYear());
            case GB -> {
                int first = payDate.isBefore(LocalDate.of(payDate.getYear(), 4, 6)) ? payDate.getYear() - 1 : payDate.getYear();
                yield first + "-" + String.format("%02d", (first + 1) % 100);
            }
            case IN -> {
                int first = payDate.getMonthValue() < 4 ? payDate.getYear() - 1 : payDate.getYear();
                yield first + "-" + String.format("%02d", (first + 1) % 100);
            }
        };
    }

    private int number(LocalDate end, LocalDate payDate, BusinessCalendar calendar) {
        return switch (country) {
            case GB -> {
                int first = payDate.isBefore(LocalDate.of(payDate.getYear(), 4, 6)) ? payDate.getYear() - 1 : payDate.getYear();
                long day = ChronoUnit.DAYS.between(LocalDate.of(first, 4, 6), payDate);
                int week = (int) (day / 7) + 1;
                yield switch (frequency) {
                    case WEEKLY -> week;
                    case BIWEEKLY -> (week + 1) / 2;
                    case FOUR_WEEKLY -> (week + 3) / 4;
                    default -> {
                        int month = payDate.getDayOfMonth() >= 6 ? payDate.getMonthValue() : payDate.getMonthValue() - 1;
                        yield Math.floorMod(month - 4, 12) + 1;
                    }
                };
            }
            case IN -> Math.floorMod(payDate.getMonthValue() - 4, 12) + 1;
            case US, PH -> {
                // The pay's number in the calendar year: count this year's pay dates back from this one.
                int number = 1;
                LocalDate earlier = previousEnd(end);
                while (businessDayOnOrBefore(earlier.plusDays(payOffsetDays), calendar).getYear() == payDate.getYear()) {
                    number++;
                    earlier = previousEnd(earlier);
                }
                yield number;
            }
        };
    }

    private LocalDate firstEndOnOrAfter(LocalDate date) {
        return switch (frequency) {
            case WEEKLY, BIWEEKLY, FOUR_WEEKLY -> {
                long days = ChronoUnit.DAYS.between(anchor, date);
                yield anchor.plusDays(Math.ceilDiv(days, step()) * step());
            }
            case SEMIMONTHLY -> date.getDayOfMonth() <= 15 ? date.withDayOfMonth(15) : date.withDayOfMonth(date.lengthOfMonth());
            case MONTHLY -> {
                LocalDate inMonth = lastOfMonth(anchor) ? date.withDayOfMonth(date.lengthOfMonth()) : date.withDayOfMonth(anchor.getDayOfMonth());
                yield inMonth.isBefore(date) ? monthEnd(inMonth.plusMonths(1)) : inMonth;
            }
            case DAILY -> date;
        };
    }

    private LocalDate previousEnd(LocalDate end) {
        return switch (frequency) {
            case WEEKLY, BIWEEKLY, FOUR_WEEKLY -> end.minusDays(step());
            case SEMIMONTHLY -> end.getDayOfMonth() == 15 ? end.minusMonths(1).withDayOfMonth(end.minusMonths(1).lengthOfMonth())
                    : end.withDayOfMonth(15);
            case MONTHLY -> monthEnd(end.minusMonths(1));
            case DAILY -> end.minusDays(1);
        };
    }

    private LocalDate monthEnd(LocalDate inMonth) {
        return lastOfMonth(anchor) ? inMonth.withDayOfMonth(inMonth.lengthOfMonth()) : inMonth.withDayOfMonth(anchor.getDayOfMonth());
    }

    private long step() {
        return switch (frequency) {
            case WEEKLY -> 7;
            case BIWEEKLY -> 14;
            case FOUR_WEEKLY -> 28;
            default -> 1;
        };
    }

    /** Periods in a year, for a salary's share per period. */
    public static int periodsPerYear(PayFrequency frequency) {
        return switch (frequency) {
            case WEEKLY -> 52;
            case BIWEEKLY -> 26;
            case SEMIMONTHLY -> 24;
            case MONTHLY -> 12;
            case FOUR_WEEKLY -> 13;
            case DAILY -> 260;
        };
    }

    private static LocalDate businessDayOnOrBefore(LocalDate date, BusinessCalendar calendar) {
        LocalDate day = date;
        for (int i = 0; i < 31 && !calendar.isBusinessDay(day); i++) {
            day = day.minusDays(1);
        }
        return day;
    }

    private static boolean lastOfMonth(LocalDate date) {
        return date.getDayOfMonth() == date.lengthOfMonth();
    }
}

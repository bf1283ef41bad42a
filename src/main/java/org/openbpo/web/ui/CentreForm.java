package org.openbpo.web.ui;

import org.jspecify.annotations.Nullable;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.shared.money.Decimals;
import org.openbpo.workforce.OpenDeliveryCentre;
import org.openbpo.workforce.ShiftInterval;
import org.openbpo.workforce.Shore;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A delivery centre as typed: shifts per weekday as text ({@code 08:00-17:00}, several with commas,
 * {@code 00:00-24:00} for round the clock) and the hourly cost in the currency's main unit.
 */
record CentreForm(String code, String name, String shore, String country, String timeZone, String cost, String currency,
                  Map<DayOfWeek, String> shifts, String holidays) {

    static CentreForm blank() {
        Map<DayOfWeek, String> shifts = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            shifts.put(day, day.getValue() <= 5 ? "08:00-17:00" : "");
        }
        return new CentreForm("", "", Shore.OFFSHORE.name(), "", "", "", "USD", shifts, "");
    }

    static CentreForm from(Map<String, String> params) {
        Map<DayOfWeek, String> shifts = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            shifts.put(day, params.getOrDefault("shifts." + day, "").strip());
        }
        return new CentreForm(text(params, "code").toUpperCase(), text(params, "name"), text(params, "shore"),
                text(params, "country").toUpperCase(), text(params, "timeZone"), text(params, "cost"),
                text(params, "currency").toUpperCase(), shifts, params.getOrDefault("holidays", ""));
    }

    public List<DayOfWeek> days() {
        return List.of(DayOfWeek.values());
    }

    /** The command, or null with the problems noted; {@code days} learns which weekday each shift came from. */
    @Nullable OpenDeliveryCentre toCommand(FormErrors errors, List<DayOfWeek> days) {
        Shore shoreValue = null;
        try {
            shoreValue = Shore.valueOf(shore);
        } catch (IllegalArgumentException e) {
            errors.add("shore", "choose onshore, nearshore or offshore");
        }
        long costMinor = costInMinorUnits(errors);
        List<ShiftInterval> weekly = new ArrayList<>();
        shifts.forEach((day, text) -> {
            for (String part : text.isBlank() ? new String[0] : text.split(",")) {
                ShiftInterval shift = shift(day, part.strip());
                if (shift == null) {
                    errors.add("shifts." + day, "'" + part.strip() + "' is not a shift such as 08:00-17:00");
                } else {
                    weekly.add(shift);
                    days.add(day);
                }
            }
        });
        List<LocalDate> dates = new ArrayList<>();
        for (String line : holidays.split("\\R")) {
            if (!line.isBlank()) {
                try {
                    dates.add(LocalDate.parse(line.strip()));
                } catch (DateTimeException e) {
                    errors.add("holidays", "'" + line.strip() + "' is not a date (YYYY-MM-DD, one a line)");
                }
            }
        }
        if (errors.any()) {
            return null;
        }
        return new OpenDeliveryCentre(code, name, shoreValue, country, timeZone, costMinor, currency, weekly, dates);
    }

    /** Where the engine's complaint belongs on this form. */
    static FormErrors refused(FormErrors errors, BusinessRuleViolation e, List<DayOfWeek> days) {
        String field = e.field() == null ? "" : e.field();
        if (field.startsWith("weeklyShifts[")) {
            int index = Integer.parseInt(field.substring("weeklyShifts[".length(), field.indexOf(']')));
            return errors.add("shifts." + days.get(index), e.getMessage());
        }
        if (field.startsWith("holidays")) {
            return errors.add("holidays", e.getMessage());
        }
        String mapped = switch (field) {
            case "costPerAgentHourMinor" -> "cost";
            case "costCurrency" -> "currency";
            default -> field;
        };
        return List.of("code", "name", "shore", "country", "timeZone", "cost", "currency").contains(mapped)
                ? errors.add(mapped, e.getMessage()) : errors.addGeneral(e.getMessage());
    }

    private long costInMinorUnits(FormErrors errors) {
        try {
            int digits = Currency.getInstance(currency).getDefaultFractionDigits();
            // minor units exactly: 14.505 USD is a mistake to point out, not a rounding to make silently
            return Decimals.parse(cost).movePointRight(Math.max(digits, 0)).setScale(0, RoundingMode.UNNECESSARY)
                    .longValueExact();
        } catch (IllegalArgumentException e) {
            errors.add(currency.isBlank() || !currency.matches("[A-Z]{3}") ? "currency" : "cost",
                    currency.matches("[A-Z]{3}") ? "must be an amount such as 14.50" : "must be an ISO 4217 currency code");
        } catch (ArithmeticException e) {
            errors.add("cost", "has more decimals than " + currency + " allows");
        }
        return 0;
    }

    private static @Nullable ShiftInterval shift(DayOfWeek day, String text) {
        String[] ends = text.split("-");
        if (ends.length != 2) {
            return null;
        }
        try {
            LocalTime opens = LocalTime.parse(ends[0].strip());
            String close = ends[1].strip();
            LocalTime closes = close.equals("24:00") ? LocalTime.MIDNIGHT : LocalTime.parse(close);
            return new ShiftInterval(day, opens, closes);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static String text(Map<String, String> params, String key) {
        return params.getOrDefault(key, "").strip();
    }
}

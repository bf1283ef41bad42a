package org.openbpo.web.ui;

import org.jspecify.annotations.Nullable;
import org.openbpo.contracts.CalendarSpec;
import org.openbpo.contracts.DraftContract;
import org.openbpo.contracts.Kpi;
import org.openbpo.contracts.KpiTarget;
import org.openbpo.contracts.Priority;
import org.openbpo.contracts.ReviseContract;
import org.openbpo.contracts.ServiceLine;
import org.openbpo.contracts.ServiceLineKind;
import org.openbpo.contracts.SlaTarget;
import org.openbpo.shared.calendar.WorkingHours;
import org.openbpo.shared.money.Decimals;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Reads a {@link ContractForm} into the contracts module's commands, noting every problem next to
 * its input, so the person fixes them all in one go instead of one per attempt. The engine checks
 * again when it takes the command; this only makes its answers arrive where they belong.
 */
final class ContractFormReader {

    private static final Pattern LINE_CODE = Pattern.compile("[a-z][a-z0-9-]{1,39}");
    private static final int MAX_MINUTES = 525_600;

    private final ContractForm form;
    private final FormErrors errors;

    ContractFormReader(ContractForm form, FormErrors errors) {
        this.form = form;
        this.errors = errors;
    }

    /** The new contract, or null when the form has problems (they are in the errors). */
    @Nullable DraftContract draft(Collection<String> workTypes) {
        require("reference", form.reference(), 60);
        require("title", form.title(), 200);
        if (!form.currency().matches("[A-Z]{3}") || !isCurrency(form.currency())) {
            errors.add("currency", "must be an ISO 4217 currency code such as GBP");
        }
        LocalDate startsOn = date("startsOn", form.startsOn(), true);
        LocalDate endsOn = date("endsOn", form.endsOn(), false);
        if (startsOn != null && endsOn != null && !endsOn.isAfter(startsOn)) {
            errors.add("endsOn", "must be after the start");
        }
        CalendarSpec calendar = calendar();
        List<ServiceLine> lines = lines(workTypes);
        Set<String> codes = new LinkedHashSet<>(lines.stream().map(ServiceLine::code).toList());
        List<SlaTarget> targets = targets(codes);
        List<KpiTarget> kpis = kpis(codes);
        if (errors.any()) {
            return null;
        }
        return new DraftContract(form.reference(), form.title(), form.currency(), startsOn, endsOn, calendar, lines,
                targets, kpis);
    }

    /** New terms for an existing contract, whose service lines stay as they are. */
    @Nullable ReviseContract revision(Collection<String> lineCodes, @Nullable Integer basedOnVersion) {
        CalendarSpec calendar = calendar();
        List<SlaTarget> targets = targets(lineCodes);
        List<KpiTarget> kpis = kpis(lineCodes);
        if (form.note().length() > 500) {
            errors.add("note", "must be at most 500 characters");
        }
        return errors.any() ? null
                : new ReviseContract(calendar, targets, kpis, form.note().isBlank() ? null : form.note(), null, basedOnVersion);
    }

    private CalendarSpec calendar() {
        if (form.zone().isBlank() || !ZoneId.getAvailableZoneIds().contains(form.zone())) {
            errors.add("zone", "must be a time zone such as Europe/London");
        }
        Map<DayOfWeek, String> week = new EnumMap<>(DayOfWeek.class);
        int before = errors.count();
        form.week().forEach((day, hours) -> {
            if (hours.isBlank()) {
                return; // closed
            }
            try {
                if (!WorkingHours.parse(hours).isClosed()) {
                    week.put(day, hours);
                }
            } catch (RuntimeException e) {
                errors.add("week." + day, "'" + hours + "' is not working hours such as 09:00-12:30,13:30-17:30");
            }
        });
        if (week.isEmpty() && errors.count() == before) {
            errors.add("week", "The business is open on at least one day, or no SLA clock could ever run.");
        }
        List<LocalDate> holidays = new ArrayList<>();
        String[] lines = form.holidays().split("\\R");
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            try {
                holidays.add(LocalDate.parse(line.strip()));
            } catch (DateTimeException e) {
                errors.add("holidays", "'" + line.strip() + "' is not a date (YYYY-MM-DD, one a line)");
            }
        }
        // special days: "2026-12-24 09:00-13:00", one a line; hours left out mean closed that day
        Map<LocalDate, String> specialDays = new TreeMap<>();
        for (String line : form.specialDays().split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.strip().split("\\s+", 2);
            String hours = parts.length > 1 ? parts[1] : "";
            try {
                WorkingHours.parse(hours);
                specialDays.put(LocalDate.parse(parts[0]), hours);
            } catch (RuntimeException e) {
                errors.add("specialDays", "'" + line.strip() + "' is not a date with its hours, such as 2026-12-24 09:00-13:00");
            }
        }
        return new CalendarSpec(form.zone(), week, holidays, specialDays);
    }

    private List<ServiceLine> lines(Collection<String> workTypes) {
        List<ServiceLine> lines = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < form.lines().size(); i++) {
            ContractForm.LineRow row = form.lines().get(i);
            if (row.blank()) {
                continue;
            }
            String at = "lines[" + i + "].";
            int before = errors.count();
            if (!LINE_CODE.matcher(row.code()).matches()) {
                errors.add(at + "code", "must be lower-case letters, digits and dashes");
            } else if (!seen.add(row.code())) {
                errors.add(at + "code", row.code() + " is listed twice");
            }
            if (row.name().isBlank() || row.name().length() > 120) {
                errors.add(at + "name", "give the service a name (at most 120 characters)");
            }
            ServiceLineKind kind = choice(ServiceLineKind.class, row.kind());
            if (kind == null) {
                errors.add(at + "kind", "choose the kind of service");
            }
            if (!workTypes.contains(row.workType())) {
                errors.add(at + "workType", workTypes.isEmpty()
                        ? "the client has no work types yet: adopt one under Work types first"
                        : "choose one of the client's work types");
            }
            if (errors.count() == before) {
                lines.add(new ServiceLine(row.code(), row.name(), kind, row.workType()));
            }
        }
        if (form.lines().stream().allMatch(ContractForm.LineRow::blank)) {
            errors.add("lines[0].code", "a contract needs at least one service line");
        }
        return lines;
    }

    private List<SlaTarget> targets(Collection<String> lineCodes) {
        List<SlaTarget> targets = new ArrayList<>();
        for (int i = 0; i < form.targets().size(); i++) {
            ContractForm.TargetRow row = form.targets().get(i);
            if (row.blank()) {
                continue;
            }
            String at = "targets[" + i + "].";
            int before = errors.count();
            if (!lineCodes.contains(row.serviceLine())) {
                errors.add(at + "serviceLine", "must be one of the service lines: " + String.join(", ", lineCodes));
            }
            Priority priority = choice(Priority.class, row.priority());
            if (priority == null) {
                errors.add(at + "priority", "choose a priority");
            }
            Integer first = number(at + "firstResponse", row.firstResponse(), 1, MAX_MINUTES);
            Integer resolution = number(at + "resolution", row.resolution(), 1, MAX_MINUTES);
            Integer days = number(at + "turnaroundDays", row.turnaroundDays(), 0, 250);
            if (resolution == null && days == null && row.resolution().isBlank() && row.turnaroundDays().isBlank()) {
                errors.add(at + "resolution", "give a resolution time or a turnaround in business days");
            }
            LocalTime cutOff = time(at + "cutOff", row.cutOff());
            Integer warning = number(at + "warningPercent", row.warningPercent(), 5, 99);
            if (errors.count() == before) {
                targets.add(new SlaTarget(row.serviceLine(), priority, first, resolution, days, cutOff,
                        warning == null ? null : BigDecimal.valueOf(warning).movePointLeft(2)));
            }
        }
        return targets;
    }

    private List<KpiTarget> kpis(Collection<String> lineCodes) {
        List<KpiTarget> kpis = new ArrayList<>();
        Set<String> measured = new HashSet<>();
        for (int i = 0; i < form.kpis().size(); i++) {
            ContractForm.KpiRow row = form.kpis().get(i);
            if (row.blank()) {
                continue;
            }
            String at = "kpis[" + i + "].";
            int before = errors.count();
            if (!lineCodes.contains(row.serviceLine())) {
                errors.add(at + "serviceLine", "must be one of the service lines: " + String.join(", ", lineCodes));
            }
            Kpi kpi = choice(Kpi.class, row.kpi());
            if (kpi == null) {
                errors.add(at + "kpi", "choose a measure");
            } else if (!measured.add(row.serviceLine() + "/" + kpi)) {
                errors.add(at + "kpi", "two " + kpi + " targets for " + row.serviceLine());
            }
            BigDecimal target = null;
            try {
                target = Decimals.parse(row.target());
                if (target.signum() < 0 || target.compareTo(KpiTarget.LIMIT) >= 0 || target.stripTrailingZeros().scale() > 4) {
                    errors.add(at + "target", "must be from 0 to 99999999.9999, with at most 4 decimals");
                }
            } catch (NumberFormatException e) {
                errors.add(at + "target", "must be a number such as 95 or 4.5");
            }
            if (errors.count() == before) {
                kpis.add(new KpiTarget(row.serviceLine(), kpi, target));
            }
        }
        return kpis;
    }

    private void require(String field, String value, int max) {
        if (value.isBlank()) {
            errors.add(field, "is required");
        } else if (value.length() > max) {
            errors.add(field, "must be at most " + max + " characters");
        }
    }

    private @Nullable LocalDate date(String field, String value, boolean required) {
        if (value.isBlank()) {
            if (required) {
                errors.add(field, "is required");
            }
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeException e) {
            errors.add(field, "must be a date (YYYY-MM-DD)");
            return null;
        }
    }

    private @Nullable Integer number(String field, String value, int min, int max) {
        if (value.isBlank()) {
            return null;
        }
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // told below
        }
        errors.add(field, "must be a whole number from " + min + " to " + max);
        return null;
    }

    private @Nullable LocalTime time(String field, String value) {
        if (value.isBlank()) {
            return null;
        }
        try {
            return LocalTime.parse(value);
        } catch (DateTimeException e) {
            errors.add(field, "must be a time such as 17:00");
            return null;
        }
    }

    private static boolean isCurrency(String code) {
        try {
            java.util.Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static <E extends Enum<E>> @Nullable E choice(Class<E> type, String value) {
        try {
            return value.isBlank() ? null : Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}

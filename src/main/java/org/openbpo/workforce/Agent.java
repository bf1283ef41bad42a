package org.openbpo.workforce;

import org.jspecify.annotations.Nullable;
import org.openbpo.shared.error.BusinessRuleViolation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/** A member of the provider's staff who takes work at a centre. Keyed by the user id they log in with. */
public record Agent(UUID userId, UUID centreId, @Nullable UUID teamLeadId, List<Skill> skills, List<String> languages,
                    int capacity, Presence presence, Instant presenceChangedAt, Instant createdAt) {

    public static final int MAX_CAPACITY = 20;
    private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());

    public Agent {
        Objects.requireNonNull(userId);
        Objects.requireNonNull(centreId);
        Objects.requireNonNull(presence);
        if (capacity < 1 || capacity > MAX_CAPACITY) {
            throw BusinessRuleViolation.invalid("capacity", "must be between 1 and " + MAX_CAPACITY + " items at a time");
        }
        if (userId.equals(teamLeadId)) {
            throw BusinessRuleViolation.invalid("teamLeadId", "An agent cannot be their own team lead.");
        }
        skills = skills(skills);
        languages = languages(languages);
    }

    private static List<Skill> skills(List<Skill> given) {
        List<Skill> skills = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            Skill skill = given.get(i);
            String field = "skills[" + i + "]";
            if (skill == null || skill.name() == null || !skill.name().strip().toLowerCase(Locale.ROOT).matches("[a-z0-9][a-z0-9-]{0,39}")) {
                throw BusinessRuleViolation.invalid(field + ".name", "must be 1 to 40 letters, digits or dashes");
            }
            if (skill.proficiency() < 1 || skill.proficiency() > 5) {
                throw BusinessRuleViolation.invalid(field + ".proficiency", "must be between 1 and 5");
            }
            // Routing matches skills by name, so "Payroll" and "payroll" must be one skill.
            String name = skill.name().strip().toLowerCase(Locale.ROOT);
            if (!seen.add(name)) {
                throw BusinessRuleViolation.invalid(field + ".name", name + " is listed twice");
            }
            skills.add(new Skill(name, skill.proficiency()));
        }
        skills.sort(Comparator.comparing(Skill::name));
        return List.copyOf(skills);
    }

    private static List<String> languages(List<String> given) {
        for (int i = 0; i < given.size(); i++) {
            String code = given.get(i);
            if (code == null || !LANGUAGES.contains(code.strip().toLowerCase(Locale.ROOT)) || code.strip().length() != 2) {
                throw BusinessRuleViolation.invalid("languages[" + i + "]", code + " is not an ISO 639-1 language code");
            }
        }
        return given.stream().map(code -> code.strip().toLowerCase(Locale.ROOT)).distinct().sorted().toList();
    }

    public Agent withProfile(UUID centreId, @Nullable UUID teamLeadId, List<Skill> skills, List<String> languages,
                             int capacity) {
        return new Agent(userId, centreId, teamLeadId, skills, languages, capacity, presence, presenceChangedAt, createdAt);
    }

    public Agent withPresence(Presence presence, Instant at) {
        return new Agent(userId, centreId, teamLeadId, skills, languages, capacity, presence, at, createdAt);
    }
}

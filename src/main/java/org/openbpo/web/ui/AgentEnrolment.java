package org.openbpo.web.ui;

import org.jspecify.annotations.Nullable;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.shared.error.NotFound;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.tenancy.Role;
import org.openbpo.tenancy.User;
import org.openbpo.tenancy.UserStatus;
import org.openbpo.tenancy.Users;
import org.openbpo.workforce.Agent;
import org.openbpo.workforce.Agents;
import org.openbpo.workforce.EnrolAgent;
import org.openbpo.workforce.Skill;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The enrol form of the agents page: who may be enrolled, and reading skills written as
 * {@code back-office:3, payroll:2} and languages as {@code en, tl}.
 */
@Component
class AgentEnrolment {

    private static final int STAFF_PAGE = 100;
    private static final int STAFF_LIMIT = 1_000;

    record Form(String userId, String centreId, String capacity, String skills, String languages) {
        static Form blank() {
            return new Form("", "", "5", "", "en");
        }

        static Form from(Map<String, String> params) {
            return new Form(text(params, "userId"), text(params, "centreId"), text(params, "capacity"),
                    text(params, "skills"), text(params, "languages"));
        }

        private static String text(Map<String, String> params, String key) {
            return params.getOrDefault(key, "").strip();
        }
    }

    /** Someone who could be enrolled: provider staff with the agent or team lead role and no profile yet. */
    record Candidate(UUID id, String name, String email, String roles) {
    }

    private final Agents agents;
    private final Users users;

    AgentEnrolment(Agents agents, Users users) {
        this.agents = agents;
        this.users = users;
    }

    /** Only provider administrators may list the staff; others type the person's user id. */
    List<Candidate> candidates(Set<UUID> enrolled, CurrentUser by) {
        if (!by.providerAdministrator()) {
            return List.of();
        }
        List<Candidate> candidates = new ArrayList<>();
        UUID after = null;
        for (int seen = 0; seen < STAFF_LIMIT; seen += STAFF_PAGE) {
            List<User> page = users.page(null, after, STAFF_PAGE, by);
            page.stream().filter(u -> u.status() == UserStatus.ACTIVE && !enrolled.contains(u.id()))
                    .filter(u -> u.roles().contains(Role.AGENT) || u.roles().contains(Role.TEAM_LEAD))
                    .forEach(u -> candidates.add(new Candidate(u.id(), u.displayName(), u.email(),
                            String.join(", ", u.roles().stream().map(Role::label).sorted().toList()))));
            if (page.size() < STAFF_PAGE) {
                break;
            }
            after = page.getLast().id();
        }
        candidates.sort((a, b) -> a.name().compareToIgnoreCase(b.name()));
        return candidates;
    }

    /** The enrolled agent, or null with the problems noted next to their inputs. */
    @Nullable Agent enrol(Form form, FormErrors errors, CurrentUser by) {
        UUID userId = id(form.userId(), "userId", "choose the person to enrol", errors);
        UUID centreId = id(form.centreId(), "centreId", "choose their centre", errors);
        int capacity = 0;
        try {
            capacity = Integer.parseInt(form.capacity());
        } catch (NumberFormatException e) {
            errors.add("capacity", "must be a whole number of items");
        }
        List<Skill> skills = skills(form.skills(), errors);
        List<String> languages = form.languages().isBlank() ? List.of()
                : Arrays.stream(form.languages().split(",")).map(String::strip).filter(l -> !l.isEmpty()).toList();
        if (errors.any()) {
            return null;
        }
        try {
            return agents.enrol(new EnrolAgent(userId, centreId, null, capacity, skills, languages), by);
        } catch (BusinessRuleViolation e) {
            if (e.status() == 403) {
                throw e;
            }
            String field = e instanceof NotFound ? "userId" : e.field() == null ? "" : e.field();
            String mapped = field.startsWith("skills") ? "skills" : field.startsWith("languages") ? "languages" : field;
            if (List.of("userId", "centreId", "capacity", "skills", "languages").contains(mapped)) {
                errors.add(mapped, e.getMessage());
            } else {
                errors.addGeneral(e.getMessage());
            }
            return null;
        }
    }

    private static List<Skill> skills(String text, FormErrors errors) {
        List<Skill> skills = new ArrayList<>();
        for (String part : text.isBlank() ? new String[0] : text.split(",")) {
            String[] nameAndLevel = part.strip().split(":");
            try {
                skills.add(new Skill(nameAndLevel[0].strip(), Integer.parseInt(nameAndLevel[1].strip())));
            } catch (RuntimeException e) {
                errors.add("skills", "write skills as name:level from 1 to 5, such as back-office:3");
            }
        }
        return skills;
    }

    private static @Nullable UUID id(String text, String field, String message, FormErrors errors) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            errors.add(field, message);
            return null;
        }
    }
}

package org.openbpo.workforce;

import io.swagger.v3.oas.annotations.media.Schema;

/** A skill an agent holds and how well, 1 (learning) to 5 (expert). Checked by {@link Agent}. */
public record Skill(@Schema(example = "payroll") String name, @Schema(minimum = "1", maximum = "5") int proficiency) {
}

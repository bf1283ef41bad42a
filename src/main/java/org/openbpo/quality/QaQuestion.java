package org.openbpo.quality;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * One question of a QA form. Its weight is its share of the score; a fatal question answered "no"
 * fails the item whatever the score.
 */
public record QaQuestion(@NotBlank @Pattern(regexp = "[a-z][a-z0-9-]{0,39}", message = "must be lower-case letters, digits and dashes") String key,
                         @NotBlank @Size(max = 300) String text,
                         @Min(0) @Max(100) int weight,
                         boolean fatal) {
}

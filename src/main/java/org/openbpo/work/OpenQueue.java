package org.openbpo.work;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

public record OpenQueue(@NotBlank @Pattern(regexp = "[a-z][a-z0-9-]{1,39}", message = "must be lower-case letters, digits and dashes") String code,
                        @NotBlank @Size(max = 120) String name,
                        @NotBlank @Size(max = 40) String serviceLine,
                        @Nullable @Size(max = 60) String requiredSkill,
                        @Nullable @Min(1) @Max(5) Integer minProficiency,
                        @Nullable @Pattern(regexp = "[a-z]{2}", message = "must be an ISO 639-1 language code") String language) {
}

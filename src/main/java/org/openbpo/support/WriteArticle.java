package org.openbpo.support;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** Writes or rewrites an article; the slug is its address in the help centre (lower case, digits, hyphens). */
public record WriteArticle(@NotNull Article.Kind kind,
                           @NotBlank @Size(max = 80) @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "use lower-case letters, digits and hyphens") String slug,
                           @NotBlank @Size(max = 200) String title,
                           @NotBlank @Size(max = 100_000) String body,
                           @Nullable @Size(max = 40) String category,
                           boolean published) {
}

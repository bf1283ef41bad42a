package org.openbpo.quality;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.UUID;

/**
 * Put one completed item before several analysts, on the latest version of a form. With
 * {@code analysts} (two or more provider staff serving the client) only they score it, and the
 * spread shows once all of them have; without, anyone in QA may score and the spread shows as it grows.
 */
public record StartCalibration(@Positive long itemId, @NotBlank String form, @NotBlank @Size(max = 200) String title,
                               @Nullable @Size(max = 20) List<UUID> analysts) {

    public StartCalibration(long itemId, String form, String title) {
        this(itemId, form, title, null);
    }
}

package org.openbpo.quality;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** Put one completed item before several analysts, on the latest version of a form. */
public record StartCalibration(@Positive long itemId, @NotBlank String form, @NotBlank @Size(max = 200) String title) {
}

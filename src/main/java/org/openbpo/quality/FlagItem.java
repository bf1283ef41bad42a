package org.openbpo.quality;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** Put a completed item in front of QA whatever the sample says: a complaint, a suspected error. */
public record FlagItem(@Positive long itemId, @NotBlank @Size(max = 500) String note) {
}

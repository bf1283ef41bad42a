package org.openbpo.support;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.openbpo.work.WorkItemComments.Visibility;

/** A comment on a ticket; internal comments are the provider's own notes and only its staff may write them. */
public record AddTicketComment(@NotBlank @Size(max = 20_000) String body, @Nullable Visibility visibility) {
}

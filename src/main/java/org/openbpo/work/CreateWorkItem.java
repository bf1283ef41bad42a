package org.openbpo.work;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.openbpo.contracts.Priority;

import java.util.Map;

/**
 * Raises a new work item for a client's service line. The queue defaults to the service line's
 * first queue; the priority to NORMAL.
 */
public record CreateWorkItem(@NotBlank @Size(max = 40) String serviceLine,
                             @Nullable @Size(max = 40) String queue,
                             @Nullable Priority priority,
                             @NotBlank @Size(max = 300) String title,
                             @Nullable Map<String, @Nullable Object> form,
                             @Nullable @Size(max = 20) String channel) {
}

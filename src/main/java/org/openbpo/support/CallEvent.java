package org.openbpo.support;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.UUID;

/**
 * What the client's telephony tells us about a call: it started, or it ended (with the talk time
 * and the recording). {@code ticket} (WI-…) attaches the call to an existing ticket; {@code agentId}
 * is the OpenBPO user who talked; {@code at} defaults to the moment we hear of it.
 */
public record CallEvent(@NotNull @Pattern(regexp = "call\\.(started|ended)", message = "is call.started or call.ended") String event,
                        @NotBlank @Size(max = 100) String callId,
                        @NotBlank @Pattern(regexp = "\\+?[0-9 ()./-]{6,30}", message = "is not a phone number") String caller,
                        Call.@Nullable Direction direction,
                        @Nullable UUID agentId,
                        @Nullable @Pattern(regexp = "WI-\\d{1,18}", message = "is not a ticket reference (WI-…)") String ticket,
                        @Nullable Instant at,
                        @Nullable @PositiveOrZero Integer talkSeconds,
                        @Nullable @Size(max = 2_000) @Pattern(regexp = "https://\\S+", message = "must be an https:// link") String recordingUrl) {

    public boolean ended() {
        return event.equals("call.ended");
    }
}

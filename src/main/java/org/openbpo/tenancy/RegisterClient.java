package org.openbpo.tenancy;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** Takes a new client on. The code is the short, human name used in references (ACME, NORTHWIND). */
public record RegisterClient(
        @NotBlank @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{1,19}", message = "must be 2 to 20 capital letters, digits or dashes") String code,
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 200) String legalEntity,
        @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166 alpha-2 country code") String country,
        @NotBlank @Size(max = 64) String timeZone,
        @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 currency code") String currency,
        @Nullable ClientStatus status) {
}

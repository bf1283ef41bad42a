package org.openbpo.payroll;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * Names the account a pay group is paid from. Schemes as employees' accounts: US_ABA (routing number and
 * account), GB_SORT_CODE, IN_IFSC, PH_BANK; the scheme must be the group's country's.
 */
public record SetFundingAccount(@NotBlank @Size(max = 70) String name,
                                @Nullable @Size(max = 35) String identifier,
                                @Nullable @Size(max = 60) String bankName,
                                @NotBlank String bankScheme,
                                @Nullable String bankRouting,
                                @NotBlank String bankAccount) {
}

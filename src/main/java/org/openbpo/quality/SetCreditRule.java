package org.openbpo.quality;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.openbpo.contracts.Kpi;
import org.openbpo.shared.error.BusinessRuleViolation;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/**
 * Set (as a new version) what a missed target costs. A tier above the cap is refused: the contract
 * would promise a credit it can never pay.
 */
public record SetCreditRule(@NotBlank String serviceLine, @NotNull Kpi kpi, @NotNull YearMonth effectiveFrom,
                            @NotNull @Size(min = 1, max = 10) List<@Valid @NotNull CreditTier> tiers,
                            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("100") BigDecimal capPercent,
                            @Min(0) @Max(12) int earnBackPeriods) {

    public SetCreditRule {
        if (tiers != null && capPercent != null) {
            BigDecimal previous = null;
            for (int i = 0; i < tiers.size(); i++) {
                CreditTier tier = tiers.get(i);
                if (tier == null || tier.missedBy() == null || tier.percent() == null) {
                    continue;
                }
                if (tier.percent().compareTo(capPercent) > 0) {
                    throw new BusinessRuleViolation(422, "credit-beyond-cap", "tiers[" + i + "].percent",
                            "a credit of " + tier.percent().toPlainString() + " % is beyond the cap of "
                                    + capPercent.toPlainString() + " % of the service line's fees per period");
                }
                if (previous != null && tier.missedBy().compareTo(previous) <= 0) {
                    throw BusinessRuleViolation.invalid("tiers[" + i + "].missedBy", "tiers must be in increasing order of how far the target is missed");
                }
                previous = tier.missedBy();
            }
            tiers = List.copyOf(tiers);
        }
    }
}

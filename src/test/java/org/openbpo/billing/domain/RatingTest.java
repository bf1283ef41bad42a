package org.openbpo.billing.domain;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.openbpo.billing.Pricing;
import org.openbpo.billing.Tier;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RatingTest {

    private static final Currency GBP = Currency.getInstance("GBP");
    private static final List<Tier> TIERS = List.of(new Tier(new BigDecimal("1000"), new BigDecimal("2.50")),
            new Tier(new BigDecimal("5000"), new BigDecimal("2.00")), new Tier(null, new BigDecimal("1.60")));

    @Test
    void graduatedPricesEachUnitInItsTierAndVolumePricesAllUnitsAtTheTierReached() {
        // 1,000 × 2.50 + 500 × 2.00 = 3,500.00
        assertThat(Rating.price(Pricing.GRADUATED, TIERS, new BigDecimal("1500"), GBP).roundedHalfUp().toPlainString()).isEqualTo("3500.00");
        // 1,500 × 2.00 = 3,000.00
        assertThat(Rating.price(Pricing.VOLUME, TIERS, new BigDecimal("1500"), GBP).roundedHalfUp().toPlainString()).isEqualTo("3000.00");
        // exactly on a boundary the lower tier still applies: 1,000 × 2.50
        assertThat(Rating.price(Pricing.VOLUME, TIERS, new BigDecimal("1000"), GBP).roundedHalfUp().toPlainString()).isEqualTo("2500.00");
        // 1,000 × 2.50 + 4,000 × 2.00 + 1,000.5 × 1.60 = 2,500 + 8,000 + 1,600.80
        assertThat(Rating.price(Pricing.GRADUATED, TIERS, new BigDecimal("6000.5"), GBP).roundedHalfUp().toPlainString()).isEqualTo("12100.80");
    }

    @Test
    void tiersMustRiseAndEndOpen() {
        assertThat(Rating.problemWith(TIERS)).isNull();
        assertThat(Rating.problemWith(List.of(new Tier(new BigDecimal("10"), BigDecimal.ONE)))).contains("last tier must be open-ended");
        assertThat(Rating.problemWith(List.of(new Tier(new BigDecimal("10"), BigDecimal.ONE), new Tier(new BigDecimal("5"), BigDecimal.ONE),
                new Tier(null, BigDecimal.ONE)))).contains("above the previous");
    }

    @Property
    void eachExtraUnitCostsThePriceOfTheTierItFallsIn(@ForAll @IntRange(min = 1, max = 8000) int units) {
        BigDecimal marginal = Rating.price(Pricing.GRADUATED, TIERS, BigDecimal.valueOf(units), GBP)
                .minus(Rating.price(Pricing.GRADUATED, TIERS, BigDecimal.valueOf(units - 1), GBP)).amount();
        BigDecimal expected = units <= 1000 ? new BigDecimal("2.5") : units <= 5000 ? new BigDecimal("2") : new BigDecimal("1.6");
        assertThat(marginal).isEqualByComparingTo(expected);
    }

    @Property
    void aPrepaidBankAccountsForEveryUnit(@ForAll @IntRange(max = 2000) int allowance, @ForAll @IntRange(max = 2000) int carriedIn,
                                          @ForAll @IntRange(max = 5000) int used, @ForAll boolean rollover) {
        PrepaidBank bank = PrepaidBank.drawDown(BigDecimal.valueOf(allowance), BigDecimal.valueOf(carriedIn), BigDecimal.valueOf(used), rollover);
        BigDecimal drawn = BigDecimal.valueOf(used).subtract(bank.overage());
        assertThat(drawn).isLessThanOrEqualTo(BigDecimal.valueOf(allowance + carriedIn));
        assertThat(bank.overage().signum()).isGreaterThanOrEqualTo(0);
        assertThat(bank.overage().signum() > 0).isEqualTo(used > allowance + carriedIn);
        // carried-in units are used first and expire; only this month's unused allowance rolls over
        BigDecimal fromAllowance = drawn.subtract(BigDecimal.valueOf(Math.min(used, carriedIn)));
        assertThat(bank.carriedOut()).isEqualByComparingTo(rollover ? BigDecimal.valueOf(allowance).subtract(fromAllowance) : BigDecimal.ZERO);
    }
}

package org.openbpo.payroll.domain.unitedkingdom;

import org.openbpo.payroll.domain.PackData;
import org.openbpo.payroll.domain.Rates;
import org.openbpo.shared.money.Money;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The PAYE data of one tax year: bands per regime, free pay per 500 of code, the regulatory limit. */
public record PayeRules(Map<TaxRegime, TaxBands> bands, Money freePayPer500Monthly, Money freePayPer500Weekly,
                        BigDecimal regulatoryLimit) {

    public PayeRules {
        bands = Map.copyOf(bands);
        if (bands.size() != TaxRegime.values().length) {
            throw new IllegalArgumentException("PAYE bands are needed for every regime");
        }
    }

    static PayeRules from(PackData data, Currency gbp) {
        Map<TaxRegime, TaxBands> bands = new EnumMap<>(TaxRegime.class);
        for (TaxRegime regime : TaxRegime.values()) {
            String prefix = "paye." + regime + ".";
            List<BigDecimal> rates = data.words(prefix + "rates").stream()
                    .map(rate -> Rates.fromPercent(data.decimal(prefix + "rates", rate))).toList();
            List<Money> widths = new ArrayList<>();
            for (String width : data.words(prefix + "bands")) {
                widths.add(data.money(prefix + "bands", width, gbp));
            }
            bands.put(regime, new TaxBands(rates, widths, data.whole(prefix + "basicRate")));
        }
        return new PayeRules(bands, data.money("paye.freePayPer500.MONTHLY", gbp), data.money("paye.freePayPer500.WEEKLY", gbp),
                data.rate("paye.regulatoryLimit"));
    }
}

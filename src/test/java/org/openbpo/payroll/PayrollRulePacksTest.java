package org.openbpo.payroll;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openbpo.payroll.domain.Country;
import org.openbpo.payroll.domain.PayPeriod;
import org.openbpo.payroll.domain.PayRequest;
import org.openbpo.payroll.domain.PayrollEngine;
import org.openbpo.payroll.domain.RulePack;
import org.openbpo.payroll.domain.RulePacks;
import org.openbpo.payroll.domain.philippines.PhilippinesRulePack;
import org.openbpo.payroll.domain.philippines.WithholdingTable;
import org.openbpo.payroll.domain.unitedstates.FilingStatus;
import org.openbpo.payroll.domain.unitedstates.UnitedStatesRulePack;
import org.openbpo.payroll.domain.unitedstates.WithholdingSchedule;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openbpo.payroll.PayrollFixtures.american;
import static org.openbpo.payroll.PayrollFixtures.amount;
import static org.openbpo.payroll.PayrollFixtures.inr;
import static org.openbpo.payroll.PayrollFixtures.indian;
import static org.openbpo.payroll.PayrollFixtures.usd;
import static org.openbpo.payroll.PayrollFixtures.w4;
import static org.openbpo.payroll.domain.PayFrequency.MONTHLY;

/** The shipped packs load, their tables are what the statutes give, and operators can configure them. */
class PayrollRulePacksTest {

    private final RulePacks packs = RulePacks.shipped();

    @Test
    void everyCountryHasItsYears() {
        assertThat(packs.taxYears(Country.US)).containsExactly("2025", "2026");
        assertThat(packs.taxYears(Country.GB)).containsExactly("2025-26", "2026-27");
        assertThat(packs.taxYears(Country.IN)).containsExactly("2025-26");
        assertThat(packs.taxYears(Country.PH)).containsExactly("2025", "2026");
    }

    @Test
    void everyPackSaysWhatIsUnverified() {
        assertThat(packs.find(Country.US, "2026").info().unverified()).containsKeys("fit.rounding", "fit.line1g.MFJ");
        assertThat(packs.find(Country.US, "2025").info().unverified()).containsKeys("fit.standard.SINGLE");
        assertThat(packs.find(Country.GB, "2025-26").info().unverified()).containsKeys("ni.period.BIWEEKLY", "ni.period.FOUR_WEEKLY");
        assertThat(packs.find(Country.GB, "2026-27").info().unverified()).containsKeys("ni.lel.WEEKLY", "paye.SCOTLAND.bands");
        assertThat(packs.find(Country.IN, "2025-26").info().unverified()).containsKeys("tds.rounding", "tax.annualRounding", "epf.rounding");
        assertThat(packs.find(Country.PH, "2025").info().unverified()).containsKeys("sss.ec.highFrom", "philhealth.rate",
                "contributions.semimonthly");
        assertThat(packs.find(Country.PH, "2026").info().unverified()).containsKey("taxYear");
        for (RulePack pack : packs.all()) {
            assertThat(pack.info().unverified().values()).allSatisfy(why -> assertThat(why).containsIgnoringCase("reference"));
        }
    }

    @Test
    void the2026WithholdingTablesRegenerateFromTheStatutoryBrackets() {
        // Reference 1.3: row 2 starts at standard deduction − line 1g, later rows at row 2 + each bracket top;
        // C is the cumulative tax on the bracket widths.
        assertRegenerates(FilingStatus.SINGLE, "16100", List.of("12400", "50400", "105700", "201775", "256225", "640600"));
        assertRegenerates(FilingStatus.MFJ, "32200", List.of("24800", "100800", "211400", "403550", "512450", "768700"));
        assertRegenerates(FilingStatus.HOH, "24150", List.of("17700", "67450", "105700", "201750", "256200", "640600"));
    }

    private void assertRegenerates(FilingStatus status, String standardDeduction, List<String> bracketTops) {
        UnitedStatesRulePack pack = (UnitedStatesRulePack) packs.find(Country.US, "2026");
        List<WithholdingSchedule.Row> rows = pack.incomeTax().standard().get(status).rows();
        BigDecimal start = new BigDecimal(standardDeduction).subtract(pack.incomeTax().line1g().get(status).amount());
        List<BigDecimal> rates = List.of(new BigDecimal("0.10"), new BigDecimal("0.12"), new BigDecimal("0.22"),
                new BigDecimal("0.24"), new BigDecimal("0.32"), new BigDecimal("0.35"), new BigDecimal("0.37"));
        assertThat(rows.get(1).atLeast().amount()).isEqualByComparingTo(start);
        BigDecimal tentative = BigDecimal.ZERO;
        BigDecimal previousTop = BigDecimal.ZERO;
        for (int i = 0; i < bracketTops.size(); i++) {
            BigDecimal top = new BigDecimal(bracketTops.get(i));
            tentative = tentative.add(top.subtract(previousTop).multiply(rates.get(i)));
            previousTop = top;
            assertThat(rows.get(i + 2).atLeast().amount()).as(status + " row " + (i + 2)).isEqualByComparingTo(start.add(top));
            assertThat(rows.get(i + 2).tentative().amount()).as(status + " C " + (i + 2)).isEqualByComparingTo(tentative);
            assertThat(rows.get(i + 2).rate()).isEqualByComparingTo(rates.get(i + 1));
        }
    }

    @Test
    void everyUsTableIsContinuousWithinTheHalfDollarRounding() {
        for (String year : List.of("2025", "2026")) {
            UnitedStatesRulePack pack = (UnitedStatesRulePack) packs.find(Country.US, year);
            for (FilingStatus status : FilingStatus.values()) {
                for (WithholdingSchedule table : List.of(pack.incomeTax().standard().get(status), pack.incomeTax().checkbox().get(status))) {
                    List<WithholdingSchedule.Row> rows = table.rows();
                    for (int i = 1; i < rows.size(); i++) {
                        BigDecimal reached = rows.get(i - 1).tentative().amount().add(rows.get(i).atLeast().amount()
                                .subtract(rows.get(i - 1).atLeast().amount()).multiply(rows.get(i - 1).rate()));
                        // Checkbox rows show half-dollar starts rounded up (reference 1.3): at most half a dollar × rate apart.
                        assertThat(reached.subtract(rows.get(i).tentative().amount()).abs()).as(year + " " + table.name() + " row " + i)
                                .isLessThanOrEqualTo(rows.get(i - 1).rate().multiply(new BigDecimal("0.5")).add(new BigDecimal("0.005")));
                    }
                }
            }
        }
    }

    @Test
    void everyBirTableIsContinuousToTheCentavo() {
        PhilippinesRulePack pack = (PhilippinesRulePack) packs.find(Country.PH, "2025");
        for (WithholdingTable table : pack.withholding().values()) {
            List<WithholdingTable.Row> rows = table.rows();
            for (int i = 2; i < rows.size(); i++) {
                BigDecimal reached = rows.get(i - 1).fixed().amount().add(rows.get(i).from().amount()
                        .subtract(rows.get(i - 1).from().amount()).multiply(rows.get(i - 1).rate()));
                assertThat(reached).as(table.name() + " bracket " + (i + 1)).isEqualByComparingTo(rows.get(i).fixed().amount());
            }
        }
    }

    @Test
    void anOperatorConfiguresAnUnverifiedValueWithoutARelease(@TempDir Path folder) throws IOException {
        // A credit-reduction state: FUTA 6.0% − 5.4% + 0.9% = 1.5% of 1,000 = 15.00.
        Files.writeString(folder.resolve("US-2026.properties"), "futa.creditReduction = 0.9\n");
        PayrollEngine engine = new PayrollEngine(RulePacks.load(folder));
        var result = engine.calculate(new PayRequest("2026",
                new PayPeriod(MONTHLY, 1), usd("1000.00"), american(w4(FilingStatus.SINGLE), "0")));
        assertThat(amount(result, "FUTA")).isEqualTo("15.00");
    }

    @Test
    void anOperatorAddsNextYearAsANewPack(@TempDir Path folder) throws IOException {
        try (InputStream shipped = getClass().getClassLoader().getResourceAsStream("payroll/rule-packs/IN-2025-26.properties")) {
            String nextYear = new String(shipped.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("taxYear = 2025-26", "taxYear = 2026-27").replace("tax.standardDeduction = 75000", "tax.standardDeduction = 100000");
            Files.writeString(folder.resolve("IN-2026-27.properties"), nextYear);
        }
        PayrollEngine engine = new PayrollEngine(RulePacks.load(folder));
        assertThat(engine.packs().taxYears(Country.IN)).containsExactly("2025-26", "2026-27");
        var result = engine.calculate(new PayRequest("2026-27",
                new PayPeriod(MONTHLY, 1), inr("100000.00"), indian("1300000", "0", "0")));
        // 13,00,000 − 1,00,000 = 12,00,000: fully rebated under the new year's deduction.
        assertThat(amount(result, "TDS")).isEqualTo("0.00");
    }

    @Test
    void aBrokenPackStopsTheStartNamingTheKey(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("GB-2025-26.properties"), "paye.regulatoryLimit = fifty\n");
        assertThatThrownBy(() -> RulePacks.load(folder)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("GB-2025-26.properties").hasMessageContaining("paye.regulatoryLimit");
        Files.writeString(folder.resolve("GB-2025-26.properties"), "unverified.paye.nothing = Reference 9\n");
        assertThatThrownBy(() -> RulePacks.load(folder)).hasMessageContaining("paye.nothing");
    }
}

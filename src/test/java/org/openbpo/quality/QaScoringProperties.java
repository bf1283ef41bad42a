package org.openbpo.quality;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.openbpo.quality.domain.CreditCalculation;
import org.openbpo.quality.domain.QaScoring;
import org.openbpo.shared.error.BusinessRuleViolation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The arithmetic of QA scores, credit tiers and the weekly minimum, checked against its definition. */
class QaScoringProperties {

    record Answered(List<QaQuestion> questions, Map<String, QaAnswer> answers) {
    }

    @Property(tries = 300)
    void theScoreIsTheWeightAnsweredYesOverTheWeightThatApplied(@ForAll("answered") Answered case_) {
        long yes = 0;
        long applicable = 0;
        boolean fatal = false;
        for (QaQuestion q : case_.questions()) {
            QaAnswer a = case_.answers().get(q.key());
            applicable += a == QaAnswer.NA ? 0 : q.weight();
            yes += a == QaAnswer.YES ? q.weight() : 0;
            fatal |= a == QaAnswer.NO && q.fatal();
        }
        if (applicable == 0 && !fatal) {
            assertThatThrownBy(() -> QaScoring.score(case_.questions(), BigDecimal.valueOf(80), case_.answers()))
                    .isInstanceOf(BusinessRuleViolation.class);
            return;
        }
        QaScoring.Result result = QaScoring.score(case_.questions(), BigDecimal.valueOf(80), case_.answers());
        BigDecimal expected = applicable == 0 ? BigDecimal.ZERO
                : BigDecimal.valueOf(yes * 100).divide(BigDecimal.valueOf(applicable), 2, RoundingMode.HALF_UP);
        assertThat(result.score()).isEqualByComparingTo(expected);
        assertThat(result.fatal()).isEqualTo(fatal);
        assertThat(result.passed()).isEqualTo(!fatal && expected.compareTo(BigDecimal.valueOf(80)) >= 0);
        assertThat(result.score().scale()).isEqualTo(2);
    }

    @Provide
    Arbitrary<Answered> answered() {
        Arbitrary<QaQuestion> question = Combinators.combine(Arbitraries.integers().between(0, 100), Arbitraries.of(true, false))
                .as((weight, fatal) -> new QaQuestion("k", "text", weight, fatal));
        return question.list().ofMinSize(1).ofMaxSize(12).flatMap(qs -> {
            List<QaQuestion> keyed = new java.util.ArrayList<>();
            for (int i = 0; i < qs.size(); i++) {
                keyed.add(new QaQuestion("q" + i, "text", qs.get(i).weight(), qs.get(i).fatal()));
            }
            return Arbitraries.of(QaAnswer.values()).list().ofSize(keyed.size()).map(as -> {
                Map<String, QaAnswer> answers = new LinkedHashMap<>();
                for (int i = 0; i < keyed.size(); i++) {
                    answers.put(keyed.get(i).key(), as.get(i));
                }
                return new Answered(List.copyOf(keyed), answers);
            });
        });
    }

    @Property(tries = 200)
    void theCreditIsTheHighestTierTheShortfallReaches(@ForAll @IntRange(min = 0, max = 10_000) int measuredHundredths) {
        BigDecimal measured = BigDecimal.valueOf(measuredHundredths, 2);
        BigDecimal target = new BigDecimal("95");
        List<CreditTier> tiers = List.of(new CreditTier(BigDecimal.ZERO, new BigDecimal("2")),
                new CreditTier(BigDecimal.TEN, new BigDecimal("5")), new CreditTier(new BigDecimal("30"), new BigDecimal("8")));
        BigDecimal shortfall = CreditCalculation.shortfall(true, target, measured);
        BigDecimal expected = measured.compareTo(target) >= 0 ? null
                : shortfall.compareTo(new BigDecimal("30")) >= 0 ? new BigDecimal("8")
                : shortfall.compareTo(BigDecimal.TEN) >= 0 ? new BigDecimal("5") : new BigDecimal("2");
        assertThat(CreditCalculation.tier(tiers, shortfall).map(CreditTier::percent).orElse(null)).isEqualTo(expected);
        assertThat(CreditCalculation.exceeded(true, target, measured)).isEqualTo(measured.compareTo(target) > 0);
    }

    @Property(tries = 100)
    void anAgentBelowTheWeeklyMinimumIsSampledAndAboveItOnlyByTheRate(@ForAll @IntRange(min = 0, max = 20) int sampledThisWeek,
                                                                      @ForAll @IntRange(min = 0, max = 9_999) int drawn) {
        SamplingRule rule = new SamplingRule(BigDecimal.ZERO, 0, 5);
        assertThat(rule.decide(BigDecimal.valueOf(drawn, 4), 500, sampledThisWeek))
                .isEqualTo(sampledThisWeek < 5 ? java.util.Optional.of(SampleReason.MINIMUM_PER_WEEK) : java.util.Optional.empty());
    }

    @Test
    void aTierBeyondTheCapIsRefusedNamingTheTier() {
        assertThatThrownBy(() -> new SetCreditRule("support", org.openbpo.contracts.Kpi.CSAT, java.time.YearMonth.of(2026, 3),
                List.of(new CreditTier(BigDecimal.ZERO, new BigDecimal("4")), new CreditTier(BigDecimal.TEN, new BigDecimal("7.5"))),
                new BigDecimal("5"), 0))
                .isInstanceOfSatisfying(BusinessRuleViolation.class, e -> {
                    assertThat(e.code()).isEqualTo("credit-beyond-cap");
                    assertThat(e.field()).isEqualTo("tiers[1].percent");
                    assertThat(e.getMessage()).contains("7.5 %").contains("cap of 5 %");
                });
    }
}

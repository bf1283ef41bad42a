package org.openbpo.demo;

import org.openbpo.contracts.Contract;
import org.openbpo.contracts.Contracts;
import org.openbpo.contracts.Kpi;
import org.openbpo.quality.CreditRules;
import org.openbpo.quality.CreditTier;
import org.openbpo.quality.DefineQaForm;
import org.openbpo.quality.QaForms;
import org.openbpo.quality.QaQuestion;
import org.openbpo.quality.Sampling;
import org.openbpo.quality.SetCreditRule;
import org.openbpo.quality.SetSamplingPolicy;
import org.openbpo.tenancy.CurrentUser;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/**
 * The demo's QA and service credits: a back-office and a support QA form, sampling rules, and what
 * a missed target costs on Lakeshore's support (SLA, CSAT) and Albion's policy administration and
 * Kaveri's data entry (accuracy).
 */
@Component
class DemoQuality {

    private final QaForms forms;
    private final Sampling sampling;
    private final CreditRules creditRules;
    private final Contracts contracts;
    private final Clock clock;

    DemoQuality(QaForms forms, Sampling sampling, CreditRules creditRules, Contracts contracts, Clock clock) {
        this.forms = forms;
        this.sampling = sampling;
        this.creditRules = creditRules;
        this.contracts = contracts;
        this.clock = clock;
    }

    void load(DemoData.DemoClients clients, CurrentUser admin) {
        YearMonth from = YearMonth.now(clock);
        UUID lakeshore = clients.lakeshore().id();
        forms.define(lakeshore, supportForm(), admin);
        sampling.setPolicy(lakeshore, new SetSamplingPolicy("customer-support", null, null, new BigDecimal("5"), 3, 20), admin);
        Contract lakeshoreContract = contracts.of(lakeshore).getFirst();
        creditRules.set(lakeshore, lakeshoreContract.id(), new SetCreditRule("customer-support", Kpi.SLA_ATTAINMENT, from,
                List.of(tier("0", "2"), tier("5", "4"), tier("10", "6")), new BigDecimal("10"), 2), admin);
        creditRules.set(lakeshore, lakeshoreContract.id(), new SetCreditRule("customer-support", Kpi.CSAT, from,
                List.of(tier("0", "1"), tier("0.5", "2")), new BigDecimal("10"), 1), admin);

        UUID albion = clients.albion().id();
        forms.define(albion, backOfficeForm(), admin);
        forms.define(albion, supportForm(), admin);
        sampling.setPolicy(albion, new SetSamplingPolicy("policy-admin", null, null, new BigDecimal("10"), 5, 20), admin);
        creditRules.set(albion, contracts.of(albion).getFirst().id(), new SetCreditRule("policy-admin", Kpi.ACCURACY, from,
                List.of(tier("0", "3"), tier("1", "5")), new BigDecimal("8"), 2), admin);

        UUID kaveri = clients.kaveri().id();
        forms.define(kaveri, backOfficeForm(), admin);
        sampling.setPolicy(kaveri, new SetSamplingPolicy(null, null, null, new BigDecimal("15"), 10, 30), admin);
        creditRules.set(kaveri, contracts.of(kaveri).getFirst().id(), new SetCreditRule("data-entry", Kpi.ACCURACY, from,
                List.of(tier("0", "2"), tier("0.5", "4")), new BigDecimal("6"), 0), admin);
    }

    private static DefineQaForm backOfficeForm() {
        return new DefineQaForm("back-office", "Back-office check", new BigDecimal("85"), List.of(
                new QaQuestion("source-match", "Every field matches the source document", 50, false),
                new QaQuestion("procedure", "The client's procedure was followed step by step", 25, false),
                new QaQuestion("notes", "The item's notes explain what was done", 15, false),
                new QaQuestion("turnaround", "Done within the turnaround, or escalated in time", 10, false),
                new QaQuestion("data-protection", "No personal data disclosed to the wrong party", 0, true)));
    }

    private static DefineQaForm supportForm() {
        return new DefineQaForm("support", "Support conversation", new BigDecimal("80"), List.of(
                new QaQuestion("greeting", "Greets the customer and confirms the issue", 10, false),
                new QaQuestion("resolution", "Resolves the issue or sets a clear next step", 40, false),
                new QaQuestion("accuracy", "Information given is correct", 30, false),
                new QaQuestion("tone", "Tone is courteous and clear", 20, false),
                new QaQuestion("verification", "Verifies identity before account changes", 0, true)));
    }

    private static CreditTier tier(String missedBy, String percent) {
        return new CreditTier(new BigDecimal(missedBy), new BigDecimal(percent));
    }
}

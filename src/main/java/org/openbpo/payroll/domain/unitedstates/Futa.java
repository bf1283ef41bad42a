package org.openbpo.payroll.domain.unitedstates;

import org.openbpo.payroll.domain.PackInfo;
import org.openbpo.payroll.domain.PayLine;
import org.openbpo.payroll.domain.Workings;
import org.openbpo.shared.money.Money;

/** Federal unemployment tax, employer only, on the first wages of the year (reference 1.5). */
final class Futa {

    private Futa() {
    }

    static PayLine tax(PackInfo info, FutaRules rules, Money wages, Money wagesToDate) {
        Money leftOfBase = rules.wageBase().minus(wagesToDate).atLeastZero();
        Money taxable = wages.min(leftOfBase);
        Workings.Builder workings = Workings.builder()
                .add("wages this period", wages)
                .add("wages to date before this period", wagesToDate)
                .add("wage base", rules.wageBase())
                .add("FUTA wages (lesser of wages and base left)", taxable)
                .percent("gross rate", rules.grossRate())
                .percent("credit for state unemployment tax", rules.maximumCredit())
                .percent("credit reduction", rules.creditReduction())
                .percent("net rate (gross − credit + reduction)", rules.netRate());
        info.flagIfUnverified(workings, "futa.creditReduction");
        Money tax = Fica.charge(workings, rules.netRate(), taxable);
        return new PayLine("FUTA", tax, taxable, "FUTA " + info.taxYear() + ": " + Fica.pct(rules.netRate())
                + " net (" + Fica.pct(rules.grossRate()) + " less " + Fica.pct(rules.maximumCredit()) + " credit plus "
                + Fica.pct(rules.creditReduction()) + " credit reduction) on the first "
                + rules.wageBase().toPlainString() + " of wages", workings.build());
    }
}

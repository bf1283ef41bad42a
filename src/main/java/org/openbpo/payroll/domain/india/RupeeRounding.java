package org.openbpo.payroll.domain.india;

import org.openbpo.shared.money.Money;
import org.openbpo.shared.money.UnroundedMoney;

/** How an Indian amount is rounded; which applies where is pack data because the reference leaves it open. */
public enum RupeeRounding {
    NEAREST_RUPEE("to the nearest rupee, half up"),
    NEAREST_TEN("to the nearest ten rupees, half up (s.288B)"),
    NEAREST_PAISA("to the nearest paisa, half up");

    private final String describe;

    RupeeRounding(String describe) {
        this.describe = describe;
    }

    public Money apply(UnroundedMoney amount) {
        return switch (this) {
            case NEAREST_RUPEE -> amount.roundedHalfUpToWholeUnits();
            case NEAREST_TEN -> amount.roundedHalfUpToTens();
            case NEAREST_PAISA -> amount.roundedHalfUp();
        };
    }

    public String describe() {
        return describe;
    }
}

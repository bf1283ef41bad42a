package org.openbpo.payroll;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openbpo.payroll.domain.unitedkingdom.TaxCode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Tax codes as HMRC writes them (reference 2.3). */
class PayrollTaxCodeTest {

    @ParameterizedTest
    @CsvSource({
            "1257L,      1257L,    RUK,      FREE_PAY,       1257, false",
            "s1257l m1,  S1257LM1, SCOTLAND, FREE_PAY,       1257, true",
            "C1257L W1,  C1257LW1, WALES,    FREE_PAY,       1257, true",
            "0T,         0T,       RUK,      FREE_PAY,       0,    false",
            "S0T,        S0T,      SCOTLAND, FREE_PAY,       0,    false",
            "K475,       K475,     RUK,      ADDITIONAL_PAY, 475,  false",
            "SK100X,     SK100X,   SCOTLAND, ADDITIONAL_PAY, 100,  true",
            "BR,         BR,       RUK,      BASIC_RATE,     0,    false",
            "CBR,        CBR,      WALES,    BASIC_RATE,     0,    false",
            "D0,         D0,       RUK,      HIGHER_RATE,    0,    false",
            "SD3,        SD3,      SCOTLAND, HIGHER_RATE,    3,    false",
            "NT,         NT,       RUK,      NO_TAX,         0,    false",
            "999999T,    999999T,  RUK,      FREE_PAY,       999999, false",
            "1100M,      1100M,    RUK,      FREE_PAY,       1100, false",
            "1385N,      1385N,    RUK,      FREE_PAY,       1385, false"})
    void readsEveryKindOfCode(String written, String text, String regime, String kind, int number, boolean nonCumulative) {
        TaxCode code = TaxCode.parse(written);
        assertThat(code.text()).isEqualTo(text);
        assertThat(code.regime().name()).isEqualTo(regime);
        assertThat(code.kind().name()).isEqualTo(kind);
        assertThat(code.number()).isEqualTo(number);
        assertThat(code.nonCumulative()).isEqualTo(nonCumulative);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ZZ123", "", "L", "1257", "1257Q", "K0", "X1257L", "1257LW2", "DD", "1234567L", "BR1", "KK12"})
    void refusesWhatIsNotACode(String written) {
        assertThatThrownBy(() -> TaxCode.parse(written)).isInstanceOf(IllegalArgumentException.class);
    }
}

package org.openbpo.shared.database;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NamedStatementTest {

    private static final NamedStatement STATEMENT = NamedStatement.of("""
            select :a::int, ':not-a-parameter', b::text, :b, :a -- :comment
             where x = :c::timestamptz""");

    @Test
    void namesBecomePositionsOnceAndARepeatedNameFillsEachOfItsPlaces() {
        assertThat(STATEMENT.sql()).isEqualTo("""
                select ?::int, ':not-a-parameter', b::text, ?, ? -- :comment
                 where x = ?::timestamptz""");
        assertThat(STATEMENT.bind().set("a", 1).set("b", "two").set("c", null).values()).containsExactly(1, "two", 1, null);
    }

    @Test
    void aValueLeftOutOrANameTheStatementDoesNotHaveIsRefused() {
        assertThatThrownBy(() -> STATEMENT.bind().set("a", 1).set("b", 2).values())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Parameter 4");
        assertThatThrownBy(() -> STATEMENT.bind().set("d", 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(":d");
    }

    @Test
    void aFragmentBindsItsOwnValues() {
        assertThat(STATEMENT.bind().set("a", 1).with(values -> {
            values.accept("b", "from the fragment");
            values.accept("c", 3);
        }).values()).containsExactly(1, "from the fragment", 1, 3);
    }
}

package org.openbpo.shared.id;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Ids made one after the other sort in that order, as PostgreSQL compares uuids, and stay version 7. */
class IdsTest {

    @Test
    void idsMadeOneAfterTheOtherIncreaseStrictlyAndAreVersionSeven() {
        Set<UUID> seen = new HashSet<>();
        UUID previous = Ids.next();
        for (int i = 0; i < 100_000; i++) {
            UUID id = Ids.next();
            assertThat(id.version()).isEqualTo(7);
            assertThat(id.variant()).isEqualTo(2);
            assertThat(Long.compareUnsigned(id.getMostSignificantBits(), previous.getMostSignificantBits()))
                    .as("id %d comes after the one before it", i).isPositive();
            assertThat(seen.add(id)).isTrue();
            previous = id;
        }
    }
}

package org.waypoint.plan.action.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class ActionIdTest {

    @Test
    void newIdsAreVersion7UuidsThatSortInTheOrderTheyWereMadeAcrossMilliseconds() throws Exception {
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            made.add(ActionId.newId().value());
            Thread.sleep(2);
        }

        assertThat(made).isSorted().doesNotHaveDuplicates();
        assertThat(made).allSatisfy(id -> {
            UUID uuid = UUID.fromString(id);
            assertThat(uuid.version()).isEqualTo(7);
            assertThat(uuid.variant()).isEqualTo(2);
        });
    }

    @Test
    void idsMadeInTheSameMillisecondDifferInTheirRandomBits() {
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            made.add(ActionId.newId().value());
        }
        assertThat(made).doesNotHaveDuplicates();
    }
}

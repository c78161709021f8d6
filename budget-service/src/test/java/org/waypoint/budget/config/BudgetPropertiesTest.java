package org.waypoint.budget.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every division of the catalogue has a service area, so that every budget line has one (issue 16). */
class BudgetPropertiesTest {

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = " ")
    void aDivisionWithoutAServiceAreaIsAConfigurationError(String serviceArea) {
        assertThatThrownBy(() -> new BudgetProperties.Division("Performance and Support Services", serviceArea))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Performance and Support Services").hasMessageContaining("service-area");
    }

    @Test
    void aDivisionWithAServiceAreaIsKept() {
        assertThat(new BudgetProperties.Division("Justice Services", "Children and Justice").serviceArea())
                .isEqualTo("Children and Justice");
    }
}

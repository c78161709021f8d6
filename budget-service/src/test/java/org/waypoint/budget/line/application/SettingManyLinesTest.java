package org.waypoint.budget.line.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;
import org.waypoint.budget.api.BudgetChanged;
import org.waypoint.budget.api.BudgetEvent;
import org.waypoint.budget.api.BudgetSet;
import org.waypoint.budget.line.domain.BudgetLine;
import org.waypoint.budget.line.domain.BudgetLineFixture;
import org.waypoint.budget.line.domain.BudgetLineId;
import org.waypoint.budget.line.domain.BudgetLines;
import org.waypoint.budget.line.domain.LineDetails;
import org.waypoint.budget.line.domain.Money;
import org.waypoint.budget.line.domain.Thresholds;
import org.waypoint.platform.security.Caller;
import org.waypoint.platform.security.Roles;

/** Setting the lines of an imported table as one: all permitted first, and undone if storing one fails. */
class SettingManyLinesTest {

    private static final String EAST_AYRSHIRE = "East Ayrshire Health and Social Care Partnership";
    private static final Caller FIONA = new Caller("fiona.finance", Set.of(Roles.FINANCE_OFFICER), Set.of());

    private final Store store = new Store();
    private final SettingBudgets setting = new SettingBudgets(store, new Catalogue(), Thresholds.DEFAULT,
            Clock.fixed(BudgetLineFixture.NOW, ZoneOffset.UTC));

    @Test
    void everyLineIsSavedWithItsBudgetSetEventAndTheHistorySaysHowItCame() {
        List<BudgetLine> saved = setting.setAll(List.of(line("Justice Services", "1933000"), line("Health Visiting", "3313000")),
                List.of("budget set by import (row 7)", "budget set by import (row 8)"), FIONA);

        assertThat(saved).hasSize(2);
        assertThat(store.lines.values()).extracting(l -> l.details().serviceArea()).containsOnly("Children and Justice");
        assertThat(store.events).hasSize(2).allSatisfy(e -> assertThat(e).isInstanceOf(BudgetSet.class));
        assertThat(saved.get(1).history().getFirst().what()).isEqualTo("budget set by import (row 8)");
    }

    @Test
    void whenSavingOneFailsTheLinesSavedBeforeItAreWithdrawnAgainAndTheFailureIsReported() {
        store.failOnInsert = 3;

        assertThatThrownBy(() -> setting.setAll(List.of(line("Justice Services", "1"), line("Health Visiting", "2"),
                line("Learning and Development", "3")), List.of("a", "b", "c"), FIONA))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("database went away");

        assertThat(store.lines.values()).hasSize(2).allSatisfy(l -> assertThat(l.withdrawn()).isTrue());
        assertThat(store.events).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("BudgetSet", "BudgetSet", "BudgetChanged", "BudgetChanged");
        assertThat(store.events.subList(2, 4)).allSatisfy(e -> assertThat(((BudgetChanged) e).withdrawn()).isTrue());
    }

    @Test
    void aManagerMaySetNoneUnlessEveryLineIsInTheirServiceArea() {
        Caller manager = new Caller("sarah.manager", Set.of(Roles.MANAGER), Set.of("Children and Justice"));

        assertThatThrownBy(() -> setting.setAll(List.of(line("Justice Services", "1"), line("Adult Support & Protection", "2")),
                List.of("a", "b"), manager)).isInstanceOf(AccessDeniedException.class);
        assertThat(store.lines).isEmpty();
    }

    private static LineDetails line(String division, String amount) {
        return new LineDetails(BudgetLineFixture.FY_2021, EAST_AYRSHIRE, null, division, "EAC Delegated",
                org.waypoint.budget.line.domain.BudgetType.REVENUE, null, null, null, Money.of(amount), null);
    }

    private static final class Catalogue implements Organisations {
        @Override
        public List<String> names() {
            return List.of(EAST_AYRSHIRE);
        }

        @Override
        public Optional<List<Division>> divisionsOf(String organisation) {
            return organisation.equalsIgnoreCase(EAST_AYRSHIRE) ? Optional.of(List.of(
                    new Division("Adult Support & Protection", "Adult and Older People"),
                    new Division("Justice Services", "Children and Justice"), new Division("Health Visiting", "Children and Justice"),
                    new Division("Learning and Development", "Children and Justice"))) : Optional.empty();
        }
    }

    private static final class Store implements BudgetLines {
        final Map<BudgetLineId, BudgetLine> lines = new LinkedHashMap<>();
        final List<BudgetEvent> events = new ArrayList<>();
        int failOnInsert = -1;
        int inserts;

        @Override
        public void insert(BudgetLine line, List<BudgetEvent> caused) {
            if (++inserts == failOnInsert) {
                throw new IllegalStateException("the database went away");
            }
            lines.put(line.id(), line);
            events.addAll(caused);
        }

        @Override
        public void update(BudgetLine line, List<BudgetEvent> caused) {
            lines.put(line.id(), line);
            events.addAll(caused);
        }

        @Override
        public Optional<BudgetLine> find(BudgetLineId id) {
            return Optional.ofNullable(lines.get(id));
        }
    }
}

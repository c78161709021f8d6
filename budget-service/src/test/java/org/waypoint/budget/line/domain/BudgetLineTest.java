package org.waypoint.budget.line.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.waypoint.budget.line.domain.BudgetLineFixture.NOW;
import static org.waypoint.budget.line.domain.BudgetLineFixture.justiceServices;
import static org.waypoint.budget.line.domain.BudgetLineFixture.line;
import static org.waypoint.budget.line.domain.BudgetLineFixture.projection;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.waypoint.budget.api.BudgetChanged;
import org.waypoint.budget.api.BudgetEvent;
import org.waypoint.budget.api.BudgetSet;
import org.waypoint.budget.api.OutturnProjected;
import org.waypoint.budget.api.OverspendCleared;
import org.waypoint.budget.api.OverspendProjected;
import org.waypoint.platform.validation.InvalidInputException;

class BudgetLineTest {

    private final Thresholds thresholds = Thresholds.DEFAULT;

    @Test
    void settingABudgetAnnouncesItWithEverythingAnEmailNeeds() {
        BudgetLine.Changed set = BudgetLine.set(BudgetLineId.newId(), justiceServices(), "fiona.finance", NOW);

        assertThat(set.events()).singleElement().isInstanceOfSatisfying(BudgetSet.class, e -> {
            assertThat(e.amount()).isEqualTo("1933000.00");
            assertThat(e.line().division()).isEqualTo("Justice Services");
            assertThat(e.line().holder().email()).isEqualTo("jamie.wilson@waypoint.example");
            assertThat(e.line().serviceArea()).isEqualTo("Children and Justice");
        });
        assertThat(set.line().history()).singleElement().satisfies(h -> assertThat(h.by()).isEqualTo("fiona.finance"));
    }

    @Test
    void anOverspendBeyondOnePercentIsAnnouncedOnceAndItsClearingOnce() {
        BudgetLine line = line(justiceServices());

        BudgetLine.Changed q1 = line.record(projection("Q1", "480000.00", "1933000.00"), thresholds);
        assertThat(types(q1.events())).containsExactly(OutturnProjected.class);

        BudgetLine.Changed q2 = q1.line().record(projection("Q2", "1000000.00", "1990990.00"), thresholds); // +3%
        assertThat(types(q2.events())).containsExactly(OutturnProjected.class, OverspendProjected.class);
        assertThat(q2.line().overspendAnnounced()).isTrue();
        OverspendProjected overspend = (OverspendProjected) q2.events().get(1);
        assertThat(overspend.variance()).isEqualTo("57990.00");
        assertThat(overspend.variancePercent()).isEqualTo("3.00");
        assertThat(overspend.period()).isEqualTo("2021/22 Q2");

        BudgetLine.Changed q2Again = q2.line().record(projection("Q2", "1000000.00", "2000000.00"), thresholds);
        assertThat(types(q2Again.events())).as("still red: no second announcement").containsExactly(OutturnProjected.class);

        BudgetLine.Changed q3 = q2Again.line().record(projection("Q3", "1450000.00", "1940000.00"), thresholds); // +0.36%
        assertThat(types(q3.events())).containsExactly(OutturnProjected.class, OverspendCleared.class);
        assertThat(((OverspendCleared) q3.events().get(1)).status()).isEqualTo("AMBER");
        assertThat(q3.line().overspendAnnounced()).isFalse();

        BudgetLine.Changed q4 = q3.line().record(projection("Q4", "1939000.00", "1939000.00"), thresholds);
        assertThat(types(q4.events())).containsExactly(OutturnProjected.class);
    }

    @Test
    void raisingTheBudgetClearsAnAnnouncedOverspend() {
        BudgetLine red = line(justiceServices()).record(projection("M06", "1000000.00", "2100000.00"), thresholds).line();

        BudgetLine.Changed raised = red.change(justiceServices().withAmount(Money.of("2100000.00")), "fiona.finance", NOW, thresholds);

        assertThat(types(raised.events())).containsExactly(BudgetChanged.class, OverspendCleared.class);
        BudgetChanged changed = (BudgetChanged) raised.events().getFirst();
        assertThat(changed.previousAmount()).isEqualTo("1933000.00");
        assertThat(changed.amount()).isEqualTo("2100000.00");
        assertThat(changed.changes()).extracting(BudgetChanged.FieldChange::field).containsExactly("amount");
        assertThat(raised.line().history()).last().satisfies(h -> assertThat(h.changes()).singleElement()
                .satisfies(c -> assertThat(c.from()).isEqualTo("1933000.00")));
    }

    @Test
    void cuttingTheBudgetCanProjectAnOverspend() {
        BudgetLine onBudget = line(justiceServices()).record(projection("M06", "1000000.00", "1933000.00"), thresholds).line();

        BudgetLine.Changed cut = onBudget.change(justiceServices().withAmount(Money.of("1800000.00")), "fiona.finance", NOW, thresholds);

        assertThat(types(cut.events())).containsExactly(BudgetChanged.class, OverspendProjected.class);
    }

    @Test
    void changingNothingCausesNoEventAndNoHistory() {
        BudgetLine line = line(justiceServices());
        BudgetLine.Changed same = line.change(justiceServices(), "fiona.finance", NOW, thresholds);
        assertThat(same.events()).isEmpty();
        assertThat(same.line()).isSameAs(line);
    }

    @Test
    void revisingAPeriodKeepsOneEntryAndTheHistoryOfBoth() {
        BudgetLine line = line(justiceServices())
                .record(projection("Q1", "400000.00", "1900000.00"), thresholds).line()
                .record(projection("Q1", "410000.00", "1910000.00"), thresholds).line();

        assertThat(line.monitoring()).singleElement().satisfies(m -> assertThat(m.actualToDate()).isEqualTo(Money.of("410000.00")));
        assertThat(line.history()).extracting(HistoryEntry::what)
                .containsExactly("budget set", "monitoring recorded", "monitoring revised");
    }

    @Test
    void theLatestPeriodIsTheOneEndingLast() {
        BudgetLine line = line(justiceServices())
                .record(projection("Q3", "1400000.00", "1950000.00"), thresholds).line()
                .record(projection("M04", "600000.00", "1900000.00"), thresholds).line();
        assertThat(line.latest()).hasValueSatisfying(m -> assertThat(m.period().code()).isEqualTo("Q3"));
        assertThat(line.monitoring()).extracting(m -> m.period().code()).containsExactly("M04", "Q3");
    }

    @Test
    void onlyIncomeIsNegative() {
        assertThatThrownBy(() -> justiceServices().withAmount(Money.of("-1.00")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("must not be negative");
        LineDetails fees = new LineDetails(BudgetLineFixture.FY_2021, "Dumfries and Galloway Council", null,
                "Children & Families Social Care", "Council", BudgetType.REVENUE, null, SubjectiveCategory.FEES_AND_CHARGES,
                null, Money.of("-243922.00"), null);
        assertThat(fees.amount().amount()).isEqualByComparingTo(new BigDecimal("-243922"));
        assertThatThrownBy(() -> fees.withAmount(Money.of("243922.00")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("negative amount");
    }

    @Test
    void capitalIsBudgetedByProject() {
        assertThatThrownBy(() -> new LineDetails(BudgetLineFixture.FY_2021, "South Lanarkshire Council", null,
                "Adult and Older People", "Council", BudgetType.CAPITAL, null, null, null, Money.of("300000.00"), null))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("project"));
    }

    @Test
    void aWithdrawnLineChangesNoMore() {
        BudgetLine.Changed gone = line(justiceServices()).withdraw("fiona.finance", NOW);
        assertThat(gone.events()).singleElement().isInstanceOfSatisfying(BudgetChanged.class, e -> assertThat(e.withdrawn()).isTrue());
        assertThatThrownBy(() -> gone.line().record(projection("Q1", "1.00", "1.00"), thresholds))
                .isInstanceOf(InvalidInputException.class);
    }

    private static List<Class<?>> types(List<BudgetEvent> events) {
        return events.stream().<Class<?>>map(Object::getClass).toList();
    }
}

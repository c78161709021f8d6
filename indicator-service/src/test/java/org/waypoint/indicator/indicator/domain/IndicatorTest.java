package org.waypoint.indicator.indicator.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.waypoint.indicator.indicator.domain.IndicatorFixture.NOW;
import static org.waypoint.indicator.indicator.domain.IndicatorFixture.ORGANISATION_DEFAULT;
import static org.waypoint.indicator.indicator.domain.IndicatorFixture.anIndicator;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.waypoint.indicator.api.IndicatorChanged;
import org.waypoint.indicator.api.IndicatorDefined;
import org.waypoint.indicator.api.IndicatorStatusChanged;
import org.waypoint.indicator.api.MeasurementMissing;
import org.waypoint.indicator.api.MeasurementRecorded;
import org.waypoint.platform.validation.InvalidInputException;

class IndicatorTest {

    private static Indicator.Changed record(Indicator indicator, String period, String value, String commentary) {
        return indicator.record(Period.parse(period), value == null ? null : indicator.definition().unit().read(value),
                value == null ? LocalDate.of(2022, 6, 1) : null, commentary, "jamie.lead", NOW, ORGANISATION_DEFAULT);
    }

    @Test
    void aNewIndicatorIsAnnouncedAndHasNoDataYet() {
        Indicator.Changed defined = Indicator.define(new IndicatorId("x"), anIndicator().definition(), "priya.officer",
                NOW, ORGANISATION_DEFAULT);

        assertThat(defined.events()).singleElement().isInstanceOf(IndicatorDefined.class);
        assertThat(defined.indicator().current(ORGANISATION_DEFAULT).assessment())
                .isEqualTo(new Assessment(Status.GREY, Assessment.Reason.NO_DATA));
    }

    @Test
    void aValueFarBelowTargetTurnsTheIndicatorRedOnceAndFlagsTheMissingRemedialCommentary() {
        Indicator.Changed first = record(anIndicator().build(), "2021/22 Q3", "0%", null);

        assertThat(first.events()).hasSize(2);
        assertThat(first.events().get(0)).isInstanceOf(MeasurementRecorded.class);
        IndicatorStatusChanged changed = (IndicatorStatusChanged) first.events().get(1);
        assertThat(changed.oldStatus()).isEqualTo("GREY");
        assertThat(changed.newStatus()).isEqualTo("RED");
        assertThat(changed.newStatusLabel()).isEqualTo("Major concerns");
        assertThat(changed.needsRemedialCommentary()).isTrue();
        assertThat(changed.owner().email()).isEqualTo("jamie.wilson@waypoint.example");

        Indicator.Changed revised = record(first.indicator(), "2021/22 Q3", "0%",
                "No Child Protection Case Conferences were convened within the 21-day timescale: the chair was on sick leave.");
        assertThat(revised.events()).singleElement().isInstanceOf(MeasurementRecorded.class);
        assertThat(revised.indicator().current(ORGANISATION_DEFAULT).needsRemedialCommentary()).isFalse();
    }

    @Test
    void revisionsKeepWhatWasRecordedBefore() {
        Indicator indicator = record(record(anIndicator().build(), "2021/22 Q3", "80%", "first").indicator(),
                "2021/22 Q3", "92%", "corrected").indicator();

        Measurement m = indicator.measurement(Period.parse("2021/22 Q3")).orElseThrow();
        assertThat(m.revision()).isEqualTo(2);
        assertThat(m.value().asWritten()).isEqualTo("92%");
        assertThat(m.earlier()).singleElement().satisfies(r -> {
            assertThat(r.value().asWritten()).isEqualTo("80%");
            assertThat(r.commentary()).isEqualTo("first");
        });
    }

    @Test
    void changingTheTargetRecomputesTheStatusAndAnnouncesTheChange() {
        Indicator red = record(anIndicator().build(), "2021/22 Q3", "80%", "remedial action").indicator();
        Definition lower = anIndicator().target(2021, "75%").definition();

        Indicator.Changed changed = red.change(lower, "priya.officer", NOW, ORGANISATION_DEFAULT);

        assertThat(changed.events()).hasSize(2);
        assertThat(((IndicatorChanged) changed.events().get(0)).changedFields()).containsExactly("targets");
        assertThat(((IndicatorStatusChanged) changed.events().get(1)).newStatus()).isEqualTo("GREEN");
        assertThat(changed.indicator().changes()).singleElement().satisfies(c -> {
            assertThat(c.before()).contains("2021/22 95");
            assertThat(c.after()).contains("75%");
        });
    }

    @Test
    void aWiderToleranceMovesRedToAmber() {
        Indicator red = record(anIndicator().build(), "2021/22 Q3", "85%", "x").indicator();
        assertThat(red.current(ORGANISATION_DEFAULT).assessment().status()).isEqualTo(Status.RED);

        Indicator.Changed wider = red.change(anIndicator().tolerance(Tolerance.absolute("10")).definition(), "priya.officer",
                NOW, ORGANISATION_DEFAULT);

        assertThat(wider.indicator().current(ORGANISATION_DEFAULT).assessment().status()).isEqualTo(Status.AMBER);
    }

    @Test
    void aWiderOrganisationDefaultIsAnnouncedWhenReassessed() {
        Indicator red = record(anIndicator().build(), "2021/22 Q3", "85%", "x").indicator();

        Indicator.Changed same = red.reassess(NOW, ORGANISATION_DEFAULT);
        assertThat(same.events()).isEmpty();
        Indicator.Changed wider = red.reassess(NOW, Tolerance.relative("15"));
        assertThat(wider.events()).singleElement().satisfies(e ->
                assertThat(((IndicatorStatusChanged) e).newStatus()).isEqualTo("AMBER"));
        assertThat(wider.indicator().reassess(NOW, Tolerance.relative("15")).events()).as("once per transition").isEmpty();
    }

    @Test
    void theUnitCannotChangeOnceAValueIsRecordedInIt() {
        Indicator recorded = record(anIndicator().build(), "2021/22 Q3", "85%", "x").indicator();

        assertThatThrownBy(() -> recorded.change(anIndicator().unit(Unit.COUNT).definition(), "priya.officer", NOW,
                ORGANISATION_DEFAULT)).isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("unit");
                    assertThat(e.getMessage()).isEqualTo("cannot change once values are recorded in it");
                });
        assertThat(anIndicator().build().change(anIndicator().unit(Unit.COUNT).definition(), "priya.officer", NOW,
                ORGANISATION_DEFAULT).events()).as("before any value").isNotEmpty();
    }

    @Test
    void anUnchangedDefinitionCausesNothing() {
        Indicator indicator = anIndicator().build();
        assertThat(indicator.change(anIndicator().definition(), "priya.officer", NOW, ORGANISATION_DEFAULT).events()).isEmpty();
    }

    @Test
    void aReduceTargetIsJudgedAgainstThePreviousPeriodThenTheBaseline() {
        Indicator complaints = anIndicator().unit(Unit.COUNT).polarity(Polarity.LOWER_IS_BETTER).frequency(Frequency.ANNUAL)
                .baseline("56").target(2021, "Reduce").target(2022, "Reduce").build();

        Indicator first = record(complaints, "2021/22", "50", null).indicator();
        assertThat(first.current(ORGANISATION_DEFAULT).assessment().status()).as("50 against the baseline 56").isEqualTo(Status.GREEN);

        Indicator second = record(first, "2022/23", "60", "more complaints").indicator();
        PeriodView view = second.current(ORGANISATION_DEFAULT);
        assertThat(view.assessment().status()).as("60 against 50 the year before").isEqualTo(Status.RED);
        assertThat(view.trend()).isEqualTo(Trend.WORSENING);
    }

    @Test
    void notYetAvailableIsGreyNotRed() {
        Indicator.Changed recorded = record(anIndicator().build(), "2021/22 Q3", null, "Data available in January 2022");

        PeriodView view = recorded.indicator().current(ORGANISATION_DEFAULT);
        assertThat(view.assessment()).isEqualTo(new Assessment(Status.GREY, Assessment.Reason.NO_DATA));
        assertThat(view.measurement().expectedOn()).isEqualTo(LocalDate.of(2022, 6, 1));
        assertThat(recorded.events()).singleElement().isInstanceOf(MeasurementRecorded.class);
    }

    @Test
    void aMissingValueIsAnnouncedOncePerPeriod() {
        Indicator indicator = anIndicator().build();
        LocalDate today = LocalDate.of(2022, 2, 15); // Q3 2021/22 closed on 31 December, 46 days ago

        var missing = indicator.detectMissing(today, 30);
        assertThat(missing).hasValueSatisfying(c -> {
            MeasurementMissing event = (MeasurementMissing) c.events().getFirst();
            assertThat(event.period()).isEqualTo("2021/22 Q3");
            assertThat(event.daysOverdue()).isEqualTo(46);
        });
        assertThat(missing.get().indicator().detectMissing(today, 30)).as("announced already").isEmpty();
        assertThat(indicator.detectMissing(LocalDate.of(2022, 1, 20), 30)).as("Q3 within the grace period; Q2 checked")
                .hasValueSatisfying(c -> assertThat(((MeasurementMissing) c.events().getFirst()).period()).isEqualTo("2021/22 Q2"));
        assertThat(record(indicator, "2021/22 Q3", "96%", null).indicator().detectMissing(today, 30)).isEmpty();
    }

    @Test
    void anIndicatorNewFromALaterPeriodIsNotMissingBefore() {
        Indicator indicator = anIndicator().newFrom("2022/23").build();
        assertThat(indicator.detectMissing(LocalDate.of(2022, 2, 15), 30)).isEmpty();
    }
}

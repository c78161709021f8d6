package org.waypoint.indicator.indicator.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.dao.OptimisticLockingFailureException;
import org.waypoint.indicator.api.IndicatorEvent;
import org.waypoint.indicator.indicator.domain.Indicator;
import org.waypoint.indicator.indicator.domain.IndicatorFixture;
import org.waypoint.indicator.indicator.domain.IndicatorId;
import org.waypoint.indicator.indicator.domain.Indicators;
import org.waypoint.indicator.indicator.domain.Period;
import org.waypoint.platform.security.Caller;

/** The measurement import: all or nothing, and when the indicator is saved by someone else between the import reading and saving it. */
class ImportingIndicatorsTest {

    private static final Caller PRIYA = new Caller("priya.officer", Set.of("performance-officer"), Set.of());

    private final Indicator indicator = IndicatorFixture.anIndicator().build();
    private final SavedMeanwhile store = new SavedMeanwhile(indicator);
    private final Clock clock = Clock.fixed(IndicatorFixture.NOW, ZoneOffset.UTC);
    private final ImportingIndicators importing = new ImportingIndicators(store,
            new ManagingIndicators(store, new OrganisationSettings(IndicatorFixture.ORGANISATION_DEFAULT, 20), clock), clock);

    @Test
    void aRowWhoseIndicatorWasSavedMeanwhileIsDoneAgainAgainstWhatIsStoredNow() {
        store.othersSaveBeforeTheNext(2);

        var report = importing.importMeasurements(List.of(row("2021/22 Q3", "96")), PRIYA, false);

        assertThat(report.rows()).singleElement().satisfies(r -> assertThat(r.outcome()).isEqualTo(ImportingIndicators.Outcome.CREATED));
        assertThat(store.find(indicator.id()).orElseThrow().measurement(Period.parse("2021/22 Q3"))).isPresent();
    }

    @Test
    void aFileWhoseIndicatorKeepsMeetingOtherSavesStopsAtThatRowNamingItAndStoresNothingOfIt() {
        store.othersSaveBeforeTheNext(ImportingIndicators.ATTEMPTS);

        assertThatThrownBy(() -> importing.importMeasurements(List.of(row("2021/22 Q3", "96")), PRIYA, false))
                .isInstanceOfSatisfying(ImportInterruptedException.class, e -> {
                    assertThat(e.row()).isEqualTo(2);
                    assertThat(e.storedRows()).isZero();
                });
        assertThat(store.find(indicator.id()).orElseThrow().measurement(Period.parse("2021/22 Q3"))).isEmpty();
    }

    @Test
    void aFileWithOneBadRowStoresNoneOfItsGoodRowsAndReportsEveryRow() {
        var report = importing.importMeasurements(List.of(row(2, "2021/22 Q2", "96"), row(3, "2021/22 Q3", "£5"),
                row(4, "2021/22 Q4", "97")), PRIYA, false);

        assertThat(report.stored()).isFalse();
        assertThat(report.rows()).extracting(ImportingIndicators.RowResult::outcome).containsExactly(
                ImportingIndicators.Outcome.CREATED, ImportingIndicators.Outcome.REJECTED, ImportingIndicators.Outcome.CREATED);
        assertThat(report.rows().get(1).field()).isEqualTo("value");
        assertThat(store.find(indicator.id()).orElseThrow().measurements()).isEmpty();
        assertThat(store.updates).isZero();
    }

    @Test
    void aGoodFileOfSeveralPeriodsOfOneIndicatorIsSavedOnceWithEveryRowsEvents() {
        var report = importing.importMeasurements(List.of(row(2, "2021/22 Q1", "96"), row(3, "2021/22 Q2", "80")), PRIYA, false);

        assertThat(report.stored()).isTrue();
        assertThat(report.created()).isEqualTo(2);
        assertThat(store.updates).isEqualTo(1);
        assertThat(store.find(indicator.id()).orElseThrow().measurements()).hasSize(2);
    }

    @Test
    void theSamePeriodTwiceInOneFileIsRefusedNamingTheEarlierRow() {
        var report = importing.importMeasurements(List.of(row(2, "2021/22 Q1", "96"), row(3, "2021/22 Q1", "80")), PRIYA, false);

        assertThat(report.rejected()).isEqualTo(1);
        assertThat(report.rows().get(1).field()).isEqualTo("period");
        assertThat(report.rows().get(1).message()).contains("row 2");
        assertThat(store.updates).isZero();
    }

    private static IndicatorCsv.Row row(String period, String value) {
        return row(2, period, value);
    }

    private static IndicatorCsv.Row row(int number, String period, String value) {
        return new IndicatorCsv.Row(number, Map.of("code", "4.6", "period", period, "value", value));
    }

    /** Keeps indicators by id and checks versions as the Mongo store does; can play another writer saving first. */
    private static final class SavedMeanwhile implements Indicators {

        private final Map<IndicatorId, Indicator> stored = new HashMap<>();
        private int othersSaveFirst;
        int updates;

        SavedMeanwhile(Indicator indicator) {
            stored.put(indicator.id(), indicator);
        }

        void othersSaveBeforeTheNext(int saves) {
            othersSaveFirst = saves;
        }

        @Override
        public void insert(Indicator indicator, List<IndicatorEvent> events) {
            stored.put(indicator.id(), indicator);
        }

        @Override
        public void update(Indicator indicator, List<IndicatorEvent> events) {
            if (othersSaveFirst > 0) {
                othersSaveFirst--;
                stored.put(indicator.id(), atVersion(stored.get(indicator.id()), stored.get(indicator.id()).version() + 1));
            }
            if (stored.get(indicator.id()).version() != indicator.version()) {
                throw new OptimisticLockingFailureException("indicator " + indicator.id() + " was saved meanwhile");
            }
            stored.put(indicator.id(), atVersion(indicator, indicator.version() + 1));
            updates++;
        }

        @Override
        public Optional<Indicator> find(IndicatorId id) {
            return Optional.ofNullable(stored.get(id));
        }

        @Override
        public Optional<Indicator> findByCode(String code) {
            return stored.values().stream().filter(i -> i.definition().code().equals(code)).findFirst();
        }

        @Override
        public List<Indicator> batch(String afterId, int limit) {
            return List.copyOf(stored.values());
        }

        private static Indicator atVersion(Indicator i, long version) {
            return Indicator.restore(i.id(), i.definition(), i.measurements(), i.announcedStatus(), i.missingAnnouncedFor(),
                    i.changes(), i.createdBy(), i.createdAt(), version);
        }
    }
}

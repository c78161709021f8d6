package org.waypoint.indicator.indicator.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.waypoint.indicator.indicator.domain.Indicator;
import org.waypoint.indicator.indicator.domain.Indicators;

/**
 * Use case: find indicators whose latest closed period's value is still absent
 * {@code missingAfterDays} after it closed, and announce each once ({@code MeasurementMissing}).
 * Safe to run often and from several instances (optimistic locking).
 */
@Service
public class DetectingMissingMeasurements {

    private static final Logger log = LoggerFactory.getLogger(DetectingMissingMeasurements.class);
    private static final int BATCH = 500;

    private final Indicators indicators;
    private final OrganisationSettings settings;
    private final Clock clock;

    public DetectingMissingMeasurements(Indicators indicators, OrganisationSettings settings, Clock clock) {
        this.indicators = indicators;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Re-saves every indicator with its statuses judged again under the current settings (after the
     * organisation's default tolerance changed), announcing any status that changed.
     *
     * @return how many indicators were re-saved
     */
    public int reassessAll() {
        int saved = 0;
        String after = null;
        List<Indicator> batch;
        do {
            batch = indicators.batch(after, BATCH);
            for (Indicator indicator : batch) {
                try {
                    var changed = indicator.reassess(clock.instant(), settings.defaultTolerance());
                    indicators.update(changed.indicator(), changed.events());
                    saved++;
                } catch (OptimisticLockingFailureException changedMeanwhile) {
                    log.debug("Indicator {} changed during the reassessment; its own save judged it", indicator.id());
                }
                after = indicator.id().value();
            }
        } while (batch.size() == BATCH);
        log.info("Reassessed {} indicator(s)", saved);
        return saved;
    }

    /** @return how many missing measurements were announced */
    public int detect() {
        LocalDate today = LocalDate.now(clock);
        int announced = 0;
        String after = null;
        List<Indicator> batch;
        do {
            batch = indicators.batch(after, BATCH);
            for (Indicator indicator : batch) {
                var outcome = indicator.detectMissing(today, settings.missingAfterDays());
                if (outcome.isPresent()) {
                    try {
                        indicators.update(outcome.get().indicator(), outcome.get().events());
                        announced++;
                    } catch (OptimisticLockingFailureException changedMeanwhile) {
                        log.debug("Indicator {} changed during the missing-measurement scan; the next scan looks again",
                                indicator.id());
                    }
                }
                after = indicator.id().value();
            }
        } while (batch.size() == BATCH);
        if (announced > 0) {
            log.info("Missing-measurement scan: {} period value(s) missing", announced);
        }
        return announced;
    }
}

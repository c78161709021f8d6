package org.waypoint.indicator.indicator.domain;

import java.util.List;
import java.util.Optional;

import org.waypoint.indicator.api.IndicatorEvent;

/** Where indicators are kept. Saving an indicator and recording the events it caused is one step. */
public interface Indicators {

    void insert(Indicator indicator, List<IndicatorEvent> events);

    /** Saves a changed indicator; fails if someone else changed it since it was read. */
    void update(Indicator indicator, List<IndicatorEvent> events);

    Optional<Indicator> find(IndicatorId id);

    Optional<Indicator> findByCode(String code);

    /** Indicators in id order after {@code afterId} (null: from the start), for scans. */
    List<Indicator> batch(String afterId, int limit);
}

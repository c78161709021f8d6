package org.waypoint.risk.risk.application;

import java.util.List;
import java.util.Optional;

import org.waypoint.risk.register.domain.Band;
import org.waypoint.risk.risk.domain.Risk;
import org.waypoint.risk.risk.domain.RiskStatus;

/** Reading risks for people: one, a filtered and sorted page, or every match (for heat maps and exports). */
public interface RiskQueries {

    /** Filters; {@code null} means "any". {@code owner} matches the owner's username or name. */
    record Filter(String registerId, String serviceArea, String category, String owner, Band band,
                  Boolean aboveAppetite, Boolean reviewOverdue, RiskStatus status, String text) {

        public static Filter register(String registerId) {
            return new Filter(registerId, null, null, null, null, null, null, null, null);
        }
    }

    record Page(List<Risk> items, long total, int page, int size) {
    }

    Optional<Risk> find(String id);

    Page list(Filter filter, int page, int size, String sortField, boolean ascending);

    /** Every risk matching the filter (up to a safety limit of tens of thousands). */
    List<Risk> matching(Filter filter);
}

package org.waypoint.budget.api;

/**
 * What every budget event says about the line it concerns, so that an email about it needs nothing
 * else: where the money sits and who holds it.
 *
 * @param type     {@code REVENUE} or {@code CAPITAL}
 * @param project  the capital project, for capital lines
 * @param category the subjective category (e.g. {@code STAFF}, {@code FEES_AND_CHARGES}); null for a net line
 */
public record LineRef(
        String lineId,
        String financialYear,
        String organisation,
        String serviceArea,
        String division,
        String fundingSource,
        String type,
        String project,
        String category,
        String description,
        HolderRef holder) {
}

package org.waypoint.budget.totals.domain;

import java.util.Map;

import org.waypoint.budget.line.domain.Money;
import org.waypoint.budget.line.domain.Variance;

/**
 * The total of one group of lines, computed (never stored).
 *
 * @param key                    the group's value on each dimension (null: lines with no value there)
 * @param actualToDate           the sum of each line's latest actual to date (lines without monitoring add nothing)
 * @param variance               projected outturn against budget; lines without a projection count as on budget
 * @param linesWithoutProjection how many lines have no monitoring yet
 * @param sharePercent           whole-number share of the grand budget; the shares of all groups add up to 100
 *                               (null when shares mean nothing: a zero total or negative parts)
 */
public record GroupTotal(Map<String, String> key, int lines, Money budget, Money actualToDate, Variance variance,
                         int linesWithoutProjection, Integer sharePercent) {

    public GroupTotal withShare(Integer share) {
        return new GroupTotal(key, lines, budget, actualToDate, variance, linesWithoutProjection, share);
    }
}

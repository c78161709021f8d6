package org.waypoint.indicator.indicator.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What an indicator is: everything a performance officer defines, as opposed to what is measured.
 *
 * @param targets   per financial year (2021 for 2021/22)
 * @param tolerance the indicator's own amber tolerance; {@code null} uses the organisation's default
 * @param newFrom   the period the indicator is new from ("New from 2019/20"), if any
 */
public record Definition(String code, String name, String description, Unit unit, Polarity polarity,
                         Frequency frequency, Baseline baseline, SortedMap<Integer, Target> targets,
                         Tolerance tolerance, Owner owner, String serviceArea, Theme theme,
                         List<String> outcomeLinks, Benchmark benchmark, Period newFrom) {

    public Definition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(polarity, "polarity");
        Objects.requireNonNull(frequency, "frequency");
        targets = targets == null ? new TreeMap<>() : new TreeMap<>(targets);
        outcomeLinks = outcomeLinks == null ? List.of() : List.copyOf(outcomeLinks);
    }

    @Override
    public SortedMap<Integer, Target> targets() {
        return new TreeMap<>(targets);
    }

    /** The target of the financial year {@code period} falls in. */
    public Target targetFor(Period period) {
        return targets.getOrDefault(period.financialYear(), Target.NONE);
    }

    public Tolerance effectiveTolerance(Tolerance organisationDefault) {
        return tolerance != null ? tolerance : organisationDefault;
    }

    /** The names of the fields that differ from {@code other}, for history and {@code IndicatorChanged}. */
    public List<String> changedFrom(Definition other) {
        List<String> changed = new ArrayList<>();
        Map<String, Object[]> pairs = new java.util.LinkedHashMap<>();
        pairs.put("code", new Object[] {code, other.code});
        pairs.put("name", new Object[] {name, other.name});
        pairs.put("description", new Object[] {description, other.description});
        pairs.put("unit", new Object[] {unit, other.unit});
        pairs.put("polarity", new Object[] {polarity, other.polarity});
        pairs.put("frequency", new Object[] {frequency, other.frequency});
        pairs.put("baseline", new Object[] {baseline, other.baseline});
        pairs.put("targets", new Object[] {targets, other.targets});
        pairs.put("tolerance", new Object[] {tolerance, other.tolerance});
        pairs.put("owner", new Object[] {owner, other.owner});
        pairs.put("serviceArea", new Object[] {serviceArea, other.serviceArea});
        pairs.put("theme", new Object[] {theme, other.theme});
        pairs.put("outcomeLinks", new Object[] {outcomeLinks, other.outcomeLinks});
        pairs.put("benchmark", new Object[] {benchmark, other.benchmark});
        pairs.put("newFrom", new Object[] {newFrom, other.newFrom});
        pairs.forEach((field, pair) -> {
            if (!Objects.equals(pair[0], pair[1])) {
                changed.add(field);
            }
        });
        return changed;
    }
}

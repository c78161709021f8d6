package org.waypoint.indicator.indicator.domain;

import java.time.Instant;
import java.util.List;
import java.util.TreeMap;

/** Indicators for tests, by default seed 001's 4.6 "Percentage of Case Conferences convened within target timescale". */
public final class IndicatorFixture {

    public static final Instant NOW = Instant.parse("2022-02-01T09:00:00Z");
    public static final Tolerance ORGANISATION_DEFAULT = Tolerance.relative("5");
    public static final Owner JAMIE = new Owner("Jamie Wilson", "jamie.lead", "jamie.wilson@waypoint.example");

    private String code = "4.6";
    private String name = "Percentage of Case Conferences convened within target timescale";
    private Unit unit = Unit.PERCENTAGE;
    private Polarity polarity = Polarity.HIGHER_IS_BETTER;
    private Frequency frequency = Frequency.QUARTERLY;
    private Baseline baseline;
    private final TreeMap<Integer, Target> targets = new TreeMap<>(java.util.Map.of(2021, Target.number(MeasuredValue.of("95"))));
    private Tolerance tolerance;
    private Period newFrom;

    public static IndicatorFixture anIndicator() {
        return new IndicatorFixture();
    }

    public IndicatorFixture polarity(Polarity p) { this.polarity = p; return this; }
    public IndicatorFixture frequency(Frequency f) { this.frequency = f; return this; }
    public IndicatorFixture unit(Unit u) { this.unit = u; return this; }
    public IndicatorFixture baseline(String value) { this.baseline = new Baseline(unit.read(value), null); return this; }
    public IndicatorFixture target(int year, String target) { targets.put(year, Target.parse(target, unit)); return this; }
    public IndicatorFixture tolerance(Tolerance t) { this.tolerance = t; return this; }
    public IndicatorFixture newFrom(String period) { this.newFrom = Period.parse(period); return this; }

    public Definition definition() {
        return new Definition(code, name, null, unit, polarity, frequency, baseline, targets, tolerance, JAMIE,
                "Children and Justice", Theme.PROCESS, List.of("C6.6"), null, newFrom);
    }

    public Indicator build() {
        return Indicator.define(new IndicatorId("ind-1"), definition(), "priya.officer", NOW, ORGANISATION_DEFAULT).indicator();
    }
}

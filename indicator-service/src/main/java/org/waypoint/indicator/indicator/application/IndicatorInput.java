package org.waypoint.indicator.indicator.application;

import static org.waypoint.indicator.indicator.application.Inputs.choice;
import static org.waypoint.indicator.indicator.application.Inputs.multiLineText;
import static org.waypoint.indicator.indicator.application.Inputs.period;
import static org.waypoint.indicator.indicator.application.Inputs.require;
import static org.waypoint.indicator.indicator.application.Inputs.text;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.waypoint.indicator.indicator.domain.Baseline;
import org.waypoint.indicator.indicator.domain.Benchmark;
import org.waypoint.indicator.indicator.domain.Definition;
import org.waypoint.indicator.indicator.domain.Frequency;
import org.waypoint.indicator.indicator.domain.Owner;
import org.waypoint.indicator.indicator.domain.Period;
import org.waypoint.indicator.indicator.domain.Polarity;
import org.waypoint.indicator.indicator.domain.Target;
import org.waypoint.indicator.indicator.domain.Theme;
import org.waypoint.indicator.indicator.domain.Tolerance;
import org.waypoint.indicator.indicator.domain.Unit;
import org.waypoint.platform.validation.Text;

/**
 * An indicator's definition as typed in (API, CSV or XLSX row): text, read and checked by
 * {@link #toDefinition()}, which names the field of the first thing it cannot accept. One-line
 * fields (code, name, unit, owner, service area, theme, benchmark, outcome links, periods, values)
 * may hold no control characters, the description no others than line breaks and tabs; every
 * indicator has a service area; numbers are within {@link Unit#MAX}.
 *
 * @param targets financial year ("2021/22") to target ("95%", "Increase", "Reduce", "TBC", "n/a")
 */
public record IndicatorInput(String code, String name, String description, String unit, String polarity,
                             String frequency, String baseline, String baselinePeriod, Map<String, String> targets,
                             String toleranceKind, BigDecimal toleranceAmount, String ownerName, String ownerUsername,
                             String ownerEmail, String serviceArea, String theme, List<String> outcomeLinks,
                             String benchmarkSource, String benchmarkValue, String newFrom) {

    public static final int MAX_NAME = 300;
    public static final int MAX_DESCRIPTION = 5000;
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,39}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    public Definition toDefinition() {
        String c = text(code, "code", 40, true);
        require(CODE.matcher(c).matches(), "code", "must be letters, digits, '.', '-', '/' or '_' (such as 4.6 or SL-12)");
        String n = text(name, "name", MAX_NAME, true);
        String d = multiLineText(description, "description", MAX_DESCRIPTION, false);
        Unit u = choice(Unit.class, unit, "unit", true);
        Polarity p = choice(Polarity.class, polarity, "polarity", true);
        Frequency f = choice(Frequency.class, frequency, "frequency", true);
        Baseline b = null;
        Period bp = period(baselinePeriod, "baselinePeriod", false);
        if (text(baseline, "baseline", 60, false) != null) {
            b = new Baseline(u.read(baseline, "baseline"), bp);
        }
        TreeMap<Integer, Target> t = new TreeMap<>();
        if (targets != null) {
            require(targets.size() <= 50, "targets", "must name at most 50 years");
            for (Map.Entry<String, String> e : targets.entrySet()) {
                String field = "targets." + e.getKey();
                require(Text.isOneLine(e.getKey()), "targets", "a year must not contain control characters");
                Period year = period(e.getKey(), field, true);
                require(year.kind() == Period.Kind.YEAR, field, "targets are per financial year, such as 2021/22");
                text(e.getValue(), field, 60, false);
                t.put(year.financialYear(), Target.parse(e.getValue(), u, field));
            }
        }
        Tolerance tol = null;
        if (toleranceKind != null || toleranceAmount != null) {
            Tolerance.Kind kind = choice(Tolerance.Kind.class, toleranceKind == null ? "relative" : toleranceKind,
                    "tolerance.kind", true);
            require(toleranceAmount != null, "tolerance.amount", "must be given with a tolerance kind");
            require(toleranceAmount.signum() >= 0, "tolerance.amount", "must not be below zero");
            require(toleranceAmount.compareTo(Unit.MAX) <= 0, "tolerance.amount", "must be at most " + Unit.MAX.toPlainString());
            require(toleranceAmount.stripTrailingZeros().scale() <= Unit.MAX_DECIMALS, "tolerance.amount",
                    "must have at most " + Unit.MAX_DECIMALS + " decimal places");
            require(kind != Tolerance.Kind.RELATIVE || toleranceAmount.compareTo(BigDecimal.valueOf(100)) <= 0,
                    "tolerance.amount", "a relative tolerance is a percentage of the target: at most 100");
            tol = new Tolerance(kind, toleranceAmount);
        }
        Owner o = null;
        String on = text(ownerName, "owner.name", 200, false);
        String ou = text(ownerUsername, "owner.username", 100, false);
        String oe = text(ownerEmail, "owner.email", 254, false);
        require(oe == null || EMAIL.matcher(oe).matches(), "owner.email", "must be an email address");
        if (on != null || ou != null) {
            o = new Owner(on == null ? ou : on, ou, oe);
        }
        String area = text(serviceArea, "serviceArea", 200, true);
        Theme th = choice(Theme.class, theme, "theme", false);
        List<String> links = new java.util.ArrayList<>();
        if (outcomeLinks != null) {
            require(outcomeLinks.size() <= 20, "outcomeLinks", "must be at most 20");
            for (int i = 0; i < outcomeLinks.size(); i++) {
                String link = text(outcomeLinks.get(i), "outcomeLinks[" + i + "]", 60, false);
                if (link != null) {
                    links.add(link);
                }
            }
        }
        Benchmark bm = null;
        String bs = text(benchmarkSource, "benchmark.source", 100, false);
        text(benchmarkValue, "benchmark.value", 60, false);
        if (bs != null) {
            bm = new Benchmark(bs, benchmarkValue == null || benchmarkValue.isBlank() ? null
                    : u.read(benchmarkValue, "benchmark.value"));
        } else {
            require(benchmarkValue == null || benchmarkValue.isBlank(), "benchmark.source", "must be given with a benchmark value");
        }
        return new Definition(c, n, d, u, p, f, b, t, tol, o, area, th, links, bm, period(newFrom, "newFrom", false));
    }
}

package org.waypoint.budget.totals.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

import org.waypoint.budget.line.domain.BudgetLine;
import org.waypoint.budget.line.domain.BudgetLineId;
import org.waypoint.budget.line.domain.BudgetType;
import org.waypoint.budget.line.domain.FinancialYear;
import org.waypoint.budget.line.domain.Holder;
import org.waypoint.budget.line.domain.LineDetails;
import org.waypoint.budget.line.domain.MonitoringEntry;
import org.waypoint.budget.line.domain.Money;
import org.waypoint.budget.line.domain.Period;
import org.waypoint.budget.line.domain.SubjectiveCategory;
import org.waypoint.budget.line.domain.Thresholds;

/** Totals are exact to the penny whatever the grouping; shares always add up to 100. */
class SharesAndTotalsPropertiesTest {

    private static final Instant NOW = Instant.parse("2021-10-01T00:00:00Z");

    @Property(tries = 500)
    void sharesOfNonNegativeAmountsAddUpTo100(@ForAll("amounts") @Size(min = 1, max = 40) List<Money> parts) {
        Optional<List<Integer>> shares = Shares.of(parts);
        boolean allZero = parts.stream().allMatch(Money::isZero);
        assertThat(shares.isPresent()).isEqualTo(!allZero);
        shares.ifPresent(s -> {
            assertThat(s).hasSameSizeAs(parts);
            assertThat(s.stream().mapToInt(Integer::intValue).sum()).isEqualTo(100);
            assertThat(s).allSatisfy(p -> assertThat(p).isBetween(0, 100));
        });
    }

    @Property(tries = 500)
    void eachShareIsItsExactPercentageRoundedDownOrUp(@ForAll("amounts") @Size(min = 1, max = 40) List<Money> parts) {
        Shares.of(parts).ifPresent(shares -> {
            BigDecimal total = parts.stream().map(Money::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            for (int i = 0; i < parts.size(); i++) {
                BigDecimal exact = parts.get(i).amount().movePointRight(2).divide(total, 10, java.math.RoundingMode.HALF_EVEN);
                assertThat(BigDecimal.valueOf(shares.get(i)).subtract(exact).abs()).isLessThan(BigDecimal.ONE);
            }
        });
    }

    @Property(tries = 200)
    void aLargerPartNeverGetsASmallerShare(@ForAll("amounts") @Size(min = 2, max = 20) List<Money> parts) {
        Shares.of(parts).ifPresent(shares -> {
            for (int i = 0; i < parts.size(); i++) {
                for (int j = 0; j < parts.size(); j++) {
                    if (parts.get(i).compareTo(parts.get(j)) > 0) {
                        assertThat(shares.get(i)).isGreaterThanOrEqualTo(shares.get(j));
                    }
                }
            }
        });
    }

    @Property(tries = 300)
    void totalsAreExactToThePennyForAnyGrouping(@ForAll("lines") @Size(min = 1, max = 60) List<BudgetLine> lines,
                                                @ForAll("groupings") List<Dimension> by) {
        Totals totals = Totals.of(lines, by, Thresholds.DEFAULT);

        BigInteger penceOfLines = lines.stream().map(l -> l.details().amount().pence()).reduce(BigInteger.ZERO, BigInteger::add);
        BigInteger penceOfGroups = totals.groups().stream().map(g -> g.budget().pence()).reduce(BigInteger.ZERO, BigInteger::add);
        assertThat(totals.total().budget().pence()).isEqualTo(penceOfLines);
        assertThat(penceOfGroups).isEqualTo(penceOfLines);
        assertThat(totals.groups().stream().mapToInt(GroupTotal::lines).sum()).isEqualTo(lines.size());

        Money outturnOfGroups = totals.groups().stream().map(g -> g.variance().projectedOutturn() == null ? g.budget()
                : g.variance().projectedOutturn()).reduce(Money.ZERO, Money::plus);
        Money outturnOfLines = lines.stream().map(l -> l.latest().map(MonitoringEntry::projectedOutturn)
                .orElse(l.details().amount())).reduce(Money.ZERO, Money::plus);
        assertThat(outturnOfGroups).isEqualTo(outturnOfLines);

        Set<Map<String, String>> keys = new HashSet<>();
        totals.groups().forEach(g -> assertThat(keys.add(g.key())).as("each group once").isTrue());
        if (totals.sharesComputed()) {
            assertThat(totals.groups().stream().mapToInt(GroupTotal::sharePercent).sum()).isEqualTo(100);
        }
    }

    @Property(tries = 100)
    void groupingByMoreDimensionsSplitsButNeverChangesTheTotal(@ForAll("lines") @Size(min = 1, max = 40) List<BudgetLine> lines) {
        Money byDivision = Totals.of(lines, List.of(Dimension.DIVISION), Thresholds.DEFAULT).total().budget();
        Money byDivisionAndFunder = Totals.of(lines, List.of(Dimension.DIVISION, Dimension.FUNDING_SOURCE), Thresholds.DEFAULT)
                .total().budget();
        assertThat(byDivisionAndFunder).isEqualTo(byDivision);
    }

    @Example
    void seed003SharesAreAsPrinted() {
        List<Money> services = List.of(Money.of("8024000.00"), Money.of("131773000.00"), Money.of("34381000.00"), Money.of("1585000.00"));
        assertThat(Shares.of(services)).contains(List.of(5, 75, 19, 1));
    }

    @Example
    void noSharesOfANegativePartOrAZeroTotal() {
        assertThat(Shares.of(List.of(Money.of("100.00"), Money.of("-5.00")))).isEmpty();
        assertThat(Shares.of(List.of(Money.ZERO, Money.ZERO))).isEmpty();
        assertThat(Shares.of(List.of())).isEmpty();
    }

    @Example
    void threeEqualPartsShareAsThirtyFourThirtyThreeThirtyThree() {
        assertThat(Shares.of(List.of(Money.of("1.00"), Money.of("1.00"), Money.of("1.00")))).contains(List.of(34, 33, 33));
    }

    @Provide
    Arbitrary<List<Money>> amounts() {
        Arbitrary<Money> small = Arbitraries.longs().between(0, 1000).map(Money::ofPence);
        Arbitrary<Money> large = Arbitraries.longs().between(0, 99_999_999_999_99L).map(Money::ofPence);
        return Arbitraries.oneOf(small, large).list();
    }

    @Provide
    Arbitrary<List<Dimension>> groupings() {
        return Arbitraries.of(Dimension.values()).list().ofMinSize(1).ofMaxSize(4).uniqueElements();
    }

    @Provide
    Arbitrary<List<BudgetLine>> lines() {
        Arbitrary<String> division = Arbitraries.of("Justice Services", "Health Visiting", "Outwith / Secure Placements");
        Arbitrary<String> funder = Arbitraries.of("EAC Delegated", "NHS A&A Delegated");
        Arbitrary<String> year = Arbitraries.of("2019/20", "2020/21", "2021/22");
        Arbitrary<SubjectiveCategory> category = Arbitraries.of(SubjectiveCategory.class).injectNull(0.3);
        Arbitrary<Long> pence = Arbitraries.longs().between(0, 5_000_000_000_00L);
        Arbitrary<Long> outturnPence = Arbitraries.longs().between(0, 5_000_000_000_00L);
        Arbitrary<Boolean> monitored = Arbitraries.of(true, false);
        Arbitrary<String> holder = Arbitraries.of("jamie.lead", "morag.lead");
        return Combinators.combine(division, funder, year, category, pence, outturnPence, monitored, holder)
                .as((d, f, y, c, p, o, m, h) -> {
                    boolean income = c != null && c.isIncome();
                    Money amount = Money.ofPence(income ? -p : p);
                    LineDetails details = new LineDetails(FinancialYear.parse(y), "East Ayrshire Health and Social Care Partnership",
                            "Children and Justice", d, f, BudgetType.REVENUE, null, c, null, amount, new Holder(h, h, null));
                    BudgetLine line = BudgetLine.set(BudgetLineId.newId(), details, "test", NOW).line();
                    if (m) {
                        line = line.record(new MonitoringEntry(Period.parse("Q2", details.financialYear()), Money.ofPence(o / 2),
                                Money.ofPence(income ? -o : o), null, "test", NOW), Thresholds.DEFAULT).line();
                    }
                    return line;
                }).list();
    }
}

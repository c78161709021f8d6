package org.waypoint.budget.totals.domain;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.waypoint.budget.line.domain.Money;

/**
 * Whole-number percentage shares of a total that always add up to 100: the largest remainder
 * method (Hamilton). Each share is first rounded down; the points left over go, one each, to the
 * parts with the largest remainders (ties: the larger amount, then the earlier part). Computed
 * exactly in pence: no floating point, no rounding error. Seed 003's 8.024, 131.773, 34.381 and
 * 1.585 (of 175.763) give 5, 75, 19, 1, as printed.
 */
public final class Shares {

    private Shares() {
    }

    /**
     * @return the shares, in the order of {@code parts}; empty when shares mean nothing: no parts,
     *         a zero total, or a negative part (income mixed with spending has no share of a whole)
     */
    public static Optional<List<Integer>> of(List<Money> parts) {
        if (parts.isEmpty() || parts.stream().anyMatch(Money::isNegative)) {
            return Optional.empty();
        }
        List<BigInteger> pence = parts.stream().map(Money::pence).toList();
        BigInteger total = pence.stream().reduce(BigInteger.ZERO, BigInteger::add);
        if (total.signum() == 0) {
            return Optional.empty();
        }
        int n = pence.size();
        int[] shares = new int[n];
        BigInteger[] remainders = new BigInteger[n];
        int allotted = 0;
        for (int i = 0; i < n; i++) {
            BigInteger[] qr = pence.get(i).multiply(BigInteger.valueOf(100)).divideAndRemainder(total);
            shares[i] = qr[0].intValueExact();
            remainders[i] = qr[1];
            allotted += shares[i];
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        order.sort(Comparator.<Integer, BigInteger>comparing(i -> remainders[i]).reversed()
                .thenComparing(Comparator.<Integer, BigInteger>comparing(pence::get).reversed())
                .thenComparing(Comparator.naturalOrder()));
        for (int k = 0; k < 100 - allotted; k++) {
            shares[order.get(k)]++;
        }
        List<Integer> result = new ArrayList<>(n);
        for (int s : shares) {
            result.add(s);
        }
        return Optional.of(result);
    }
}

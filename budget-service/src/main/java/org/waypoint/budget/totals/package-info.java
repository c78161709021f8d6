/**
 * Totals and shares of budget lines along any dimensions and for any filter ({@code Totals},
 * {@code GroupTotal}, {@code Dimension}), and whole-number shares that add up to 100 by the largest
 * remainder method ({@code Shares}): always computed from the lines, never stored; served and
 * exported as CSV/XLSX by {@code TotalsController}.
 *
 * <p>Owns no aggregate and publishes nothing. Reads lines through {@code line}'s {@code BudgetQueries}
 * and may use {@code line} and {@code spreadsheet}; {@code imports} uses its {@code Shares}.
 */
package org.waypoint.budget.totals;

/**
 * Budget lines: the {@code BudgetLine} aggregate (its details, monitoring by period, history and
 * whether an overspend was announced) with the money, period and variance values the other features
 * share, the use cases of setting, changing, withdrawing and monitoring it ({@code SettingBudgets},
 * checked by {@code WhoMayWrite}), reading it ({@code BudgetQueries}) and exporting the lines as CSV/XLSX.
 *
 * <p>Publishes every {@code BudgetEvent} of {@code api} through the outbox. May use {@code api} and
 * {@code spreadsheet} only; {@code totals}, {@code imports}, {@code config} and {@code demo} use it.
 */
package org.waypoint.budget.line;

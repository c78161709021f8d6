/**
 * Budget tables in (ADR 30, 31): checking an uploaded table against its own totals, subtotals and
 * percentages ({@code TableCheck}), reading it into budget lines ({@code TableLines}) and storing them
 * all or nothing, only when nothing is wrong or the discrepancies were acknowledged ({@code ImportingTables}).
 *
 * <p>Owns no aggregate of its own: it stores {@code BudgetLine}s through {@code line}'s
 * {@code SettingBudgets}, whose events are the only ones published. May use {@code line},
 * {@code totals} and {@code spreadsheet}; no feature uses it.
 */
package org.waypoint.budget.imports;

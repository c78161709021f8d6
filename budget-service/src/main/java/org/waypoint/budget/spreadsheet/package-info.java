/**
 * Tables in and out of files: reading CSV, tab-separated text or XLSX cell by cell as text within a
 * row limit, writing CSV (through the platform's {@code CsvTables}) or XLSX with money as exact number
 * cells ({@code Spreadsheets}), and the download's attachment name ({@code Files}).
 *
 * <p>Owns no aggregate and publishes nothing. Knows no budget type (money comes as
 * {@code Spreadsheets.Amount}) and uses only the platform, Spring's HTTP types, POI and Commons CSV,
 * so that {@code line}, {@code totals} and {@code imports} may all use it.
 */
package org.waypoint.budget.spreadsheet;

/**
 * Indicators: the {@code Indicator} aggregate (its {@code Definition}, targets and tolerance, and its
 * measurements per {@code Period}, each judged red, amber, green or grey by the {@code RagEngine}), with
 * the use cases of people changing it ({@code ManagingIndicators}), importing and exporting it as CSV/XLSX
 * ({@code ImportingIndicators}), reading scorecards, committee summaries and exception reports
 * ({@code Scorecards}) and the missing-measurement scan ({@code DetectingMissingMeasurements}, run by
 * {@code MissingMeasurementScan}).
 *
 * <p>Publishes {@code IndicatorDefined}, {@code IndicatorChanged}, {@code MeasurementRecorded},
 * {@code IndicatorStatusChanged} and {@code MeasurementMissing} ({@code api}) through the platform's outbox.
 * It may use the platform and {@code api}; {@code config} and {@code demo} use it, it uses neither.
 */
package org.waypoint.indicator.indicator;

/**
 * Import and export of a register as CSV or XLSX (the same columns): it owns no aggregate. Its use
 * case ({@code TransferringRegisters}) checks every row of an import and stores all or nothing,
 * raising and re-assessing risks through the {@code risk} feature's use cases, so that the events
 * are those of the API; an export holds what the list of risks would show.
 *
 * <p>It may use the {@code register} and {@code risk} features; neither uses it.
 */
package org.waypoint.risk.transfer;

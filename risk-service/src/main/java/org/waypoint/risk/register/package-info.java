/**
 * Risk registers: owns the {@code RiskRegister} aggregate (its categories with the appetite for
 * each, the banding of its 5x5 matrix, and every recorded change to that framework with the
 * framework revision it raises). Its use cases create a register and change its banding or
 * appetites ({@code ManagingRegisters}, under {@code RegisterWriteRule}) and read registers
 * ({@code RegisterQueries}); it publishes no events.
 *
 * <p>It uses nothing of the other features: after a framework change it asks for the register's
 * risks to be re-banded through its own port {@code RiskRebanding}, which the {@code risk} feature
 * implements.
 */
package org.waypoint.risk.register;

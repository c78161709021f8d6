package org.waypoint.budget.line.application;

import java.util.List;
import java.util.Objects;

import org.springframework.security.access.AccessDeniedException;
import org.waypoint.budget.line.domain.BudgetLine;
import org.waypoint.budget.line.domain.LineDetails;
import org.waypoint.platform.security.Caller;
import org.waypoint.platform.security.Roles;

/**
 * The one rule for every write of a budget line, whichever way it comes (the API's create, change,
 * withdraw and monitoring, and table imports): the service area of the line before the change and
 * the one after it must each be an area the caller may write (issue 16). Finance officers and admins
 * write anywhere, managers within their service areas; a line's holder records monitoring on it
 * (monitoring never moves a line) but sets, changes, moves and withdraws nothing. Auditors,
 * integrators and staff who hold no line write nothing ({@link Caller#mayWrite}).
 */
public final class WhoMayWrite {

    private WhoMayWrite() {
    }

    /** Whether the caller may set budgets at all (somewhere): what an import asks before reading the table. */
    public static void requireMaySetBudgets(Caller caller) {
        if (!caller.has(Roles.ADMIN) && !caller.has(Roles.FINANCE_OFFICER) && !caller.has(Roles.MANAGER)) {
            throw new AccessDeniedException("only finance officers, admins and managers set budgets");
        }
    }

    /** A new line (by the API or an import): its service area must be one the caller may write. */
    public static void requireMaySet(Caller caller, LineDetails placed) {
        if (!mayManage(caller, placed.serviceArea())) {
            throw new AccessDeniedException("may not set budgets in " + placed.serviceArea());
        }
    }

    /** A change (amount, holder, division and with it the service area...): the area before and the area after. */
    public static void requireMayChange(Caller caller, BudgetLine before, LineDetails after) {
        if (!mayManage(caller, before.details().serviceArea())) {
            throw new AccessDeniedException("may not change budgets in " + before.details().serviceArea());
        }
        if (!Objects.equals(before.details().serviceArea(), after.serviceArea()) && !mayManage(caller, after.serviceArea())) {
            throw new AccessDeniedException("may not move a budget line into " + after.serviceArea());
        }
    }

    public static void requireMayWithdraw(Caller caller, BudgetLine line) {
        if (!mayManage(caller, line.details().serviceArea())) {
            throw new AccessDeniedException("may not withdraw budgets in " + line.details().serviceArea());
        }
    }

    /** Monitoring: also the line's holder; the line stays where it is. */
    public static void requireMayRecord(Caller caller, BudgetLine line) {
        if (!caller.mayWrite(Roles.FINANCE_OFFICER, line.details().serviceArea(), line.holders())) {
            throw new AccessDeniedException("only the budget holder, a manager of the service area or a finance officer may record monitoring");
        }
    }

    /** Finance officers and admins anywhere, managers in their areas; a line without an area (stored before areas were required) only the former. */
    private static boolean mayManage(Caller caller, String serviceArea) {
        return caller.mayWrite(Roles.FINANCE_OFFICER, serviceArea, List.of());
    }
}

package org.waypoint.budget.line.application;

import java.util.List;
import java.util.Optional;

/**
 * The organisations whose budgets are kept here and their service divisions, each with the service
 * area it belongs to (which decides which managers may change its budgets). A budget line for an
 * organisation or division not listed is refused: a mistyped division would otherwise start a
 * total of its own.
 */
public interface Organisations {

    /** A division of an organisation and its service area (null: only finance officers and admins write). */
    record Division(String name, String serviceArea) {
    }

    List<String> names();

    /** The divisions of an organisation; empty if the organisation is not known. */
    Optional<List<Division>> divisionsOf(String organisation);
}

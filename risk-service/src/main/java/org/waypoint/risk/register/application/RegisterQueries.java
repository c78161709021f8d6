package org.waypoint.risk.register.application;

import java.util.List;
import java.util.Optional;

import org.waypoint.risk.register.domain.RiskRegister;

/** Reading registers: one, a sorted page, or all of them. */
public interface RegisterQueries {

    /** The fields a list of registers can be sorted by. */
    List<String> SORTS = List.of("name", "servicearea", "organisation", "created");

    record Page(List<RiskRegister> items, long total) {
    }

    Optional<RiskRegister> find(String id);

    List<RiskRegister> all();

    /** @param sortField one of {@link #SORTS}; ties are broken by id so that pages never overlap */
    Page list(int page, int size, String sortField, boolean ascending);
}

package org.waypoint.budget.line.domain;

import java.util.List;
import java.util.Optional;

import org.waypoint.budget.api.BudgetEvent;

/** Where budget lines are kept. Saving a line and recording the events it caused is one step. */
public interface BudgetLines {

    void insert(BudgetLine line, List<BudgetEvent> events);

    /** Saves a changed line read at its {@link BudgetLine#version()}; fails if someone else changed it since. */
    void update(BudgetLine line, List<BudgetEvent> events);

    Optional<BudgetLine> find(BudgetLineId id);
}

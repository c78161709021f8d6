package org.waypoint.plan.action.application;

import java.time.Clock;

import org.springframework.stereotype.Service;
import org.waypoint.plan.action.domain.Action;
import org.waypoint.plan.action.domain.ActionId;
import org.waypoint.plan.action.domain.Actions;

/** Use case: a member of staff adds an action to a plan. */
@Service
public class CreatingAction {

    private final Actions actions;
    private final Clock clock;

    public CreatingAction(Actions actions, Clock clock) {
        this.actions = actions;
        this.clock = clock;
    }

    public Action create(CreateAction command, String createdBy) {
        Action.Created created = Action.create(ActionId.newId(), command.planId(), command.reference(), command.title(),
                command.description(), command.serviceArea(), command.leads(), command.startDate(), command.due(),
                command.progressPercent(), createdBy, clock.instant());
        actions.insert(created.action(), created.events());
        return created.action();
    }
}

package org.waypoint.plan.action.application;

import java.util.List;

import org.springframework.stereotype.Component;
import org.waypoint.plan.action.domain.ActionDetails;
import org.waypoint.plan.action.domain.Lead;
import org.waypoint.plan.action.domain.Step;
import org.waypoint.platform.directory.Directory;
import org.waypoint.platform.directory.DirectoryUnavailableException;
import org.waypoint.platform.directory.Person;
import org.waypoint.platform.validation.InvalidInputException;

/**
 * A lead named by username is someone the staff directory knows, and works in the action's service
 * area when the directory says where they work (issue 16: staff may not name a lead from another
 * area). A lead named without a username ("Senior Manager") is a role and stays allowed. Applied to
 * every write that names leads, create, update and each row of an import, after the permission
 * check (so that a caller who may not write learns nothing of the directory). The directory is the
 * platform's ({@code waypoint.directory.*}, ADR 44).
 */
@Component
public class LeadsInTheDirectory {

    private final Directory directory;

    public LeadsInTheDirectory(Directory directory) {
        this.directory = directory;
    }

    /**
     * 400 naming {@code leads[i].username} (or {@code steps[i].lead.username}) for the first lead who
     * is unknown or works elsewhere.
     *
     * @throws DirectoryUnavailableException when the directory cannot be asked (503, nothing stored)
     */
    public void check(ActionDetails details) {
        List<Lead> leads = details.leads();
        for (int i = 0; i < leads.size(); i++) {
            check(leads.get(i), "leads[" + i + "].username", details.serviceArea());
        }
        List<Step> steps = details.steps();
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).lead() != null) {
                check(steps.get(i).lead(), "steps[" + i + "].lead.username", details.serviceArea());
            }
        }
    }

    private void check(Lead lead, String field, String serviceArea) {
        String username = lead.username();
        if (username == null) {
            return;
        }
        Person person = directory.byUsername(username)
                .orElseThrow(() -> new InvalidInputException(field, "no one in the directory has the username " + username));
        if (person.hasServiceAreas() && !person.worksIn(serviceArea)) {
            throw new InvalidInputException(field, person.name() + " works in "
                    + String.join(", ", person.serviceAreas().stream().sorted().toList())
                    + ", not in the action's service area " + serviceArea);
        }
    }
}

package org.waypoint.plan.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import org.waypoint.plan.action.application.ManagingActions;
import org.waypoint.plan.action.domain.ActionDetails;
import org.waypoint.plan.action.domain.DueDate;
import org.waypoint.plan.action.domain.Lead;
import org.waypoint.plan.action.domain.Step;
import org.waypoint.plan.plan.application.ManagingPlans;
import org.waypoint.plan.plan.domain.Outcome;
import org.waypoint.plan.plan.domain.PlanDetails;
import org.waypoint.plan.plan.domain.PlanPeriod;
import org.waypoint.plan.plan.domain.PlanStatus;
import org.waypoint.plan.plan.domain.Priority;
import org.waypoint.plan.plan.persistence.PlanDocument;
import org.waypoint.platform.security.Caller;
import org.waypoint.platform.security.Roles;

import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the seed plans (East Ayrshire CHCJ Service Improvement Plan 2021/24 from seed 000, the
 * Dumfries and Galloway Social Work Business Plan's improvement projects from seed 004) when
 * {@code waypoint.demo-data.enabled} is set (the local platform's {@code local} profile) and
 * there are no plans yet. Goes through the use cases, so the events are published as usual.
 */
@Component
@ConditionalOnProperty(name = "waypoint.demo-data.enabled", havingValue = "true")
public class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private static final Caller LOADER = new Caller("waypoint-demo", Set.of(Roles.ADMIN), Set.of());

    record LeadJson(String name, String username, String email) {
        Lead toDomain() {
            return new Lead(name, username, email);
        }
    }

    record StepJson(String text, LeadJson lead, String due) {
    }

    record ActionJson(String priorityId, String reference, String title, String description, String serviceArea,
                      List<StepJson> steps, String startDate, String due, List<LeadJson> leads, Integer progressPercent) {
    }

    record PriorityJson(String id, String title) {
    }

    record OutcomeJson(String code, String title) {
    }

    record PlanJson(String id, String title, String organisation, String service, String serviceArea, String period,
                    String owner, String status, List<PriorityJson> priorities, List<OutcomeJson> outcomes) {
    }

    record PlanWithActions(PlanJson plan, List<ActionJson> actions) {
    }

    private final MongoTemplate mongo;
    private final ManagingPlans plans;
    private final ManagingActions actions;
    private final JsonMapper json;

    public DemoData(MongoTemplate mongo, ManagingPlans plans, ManagingActions actions, JsonMapper json) {
        this.mongo = mongo;
        this.plans = plans;
        this.actions = actions;
        this.json = json;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (mongo.count(new Query(), PlanDocument.COLLECTION) > 0) {
            return;
        }
        List<PlanWithActions> seeds;
        try (InputStream in = new ClassPathResource("demo/plans.json").getInputStream()) {
            seeds = List.of(json.readValue(in, PlanWithActions[].class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int count = 0;
        for (PlanWithActions seed : seeds) {
            PlanJson p = seed.plan();
            plans.create(p.id(), new PlanDetails(p.title(), p.organisation(), p.service(), p.serviceArea(),
                    PlanPeriod.parse(p.period()), p.owner(), PlanStatus.valueOf(p.status()),
                    p.priorities().stream().map(x -> new Priority(x.id(), x.title())).toList(),
                    p.outcomes().stream().map(x -> new Outcome(x.code(), x.title())).toList()), LOADER);
            for (ActionJson a : seed.actions()) {
                actions.create(new ActionDetails(p.id(), a.priorityId(), a.reference(), a.title(), a.description(),
                        a.serviceArea(), a.leads().stream().map(LeadJson::toDomain).toList(),
                        a.steps() == null ? List.of() : a.steps().stream().map(s -> new Step(s.text(),
                                s.lead() == null ? null : s.lead().toDomain(), s.due() == null ? null : DueDate.parse(s.due()))).toList(),
                        a.startDate() == null ? null : java.time.LocalDate.parse(a.startDate()), DueDate.parse(a.due()), null),
                        a.progressPercent() == null ? 0 : a.progressPercent(), LOADER);
                count++;
            }
        }
        log.info("Demo data: {} plans and {} actions loaded from the seed documents", seeds.size(), count);
    }
}

package org.waypoint.risk.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.waypoint.risk.register.domain.Banding;
import org.waypoint.risk.register.domain.Rating;
import org.waypoint.risk.register.domain.RiskRegister;
import org.waypoint.risk.register.domain.RiskRegisters;
import org.waypoint.risk.risk.domain.Mitigation;
import org.waypoint.risk.risk.domain.MitigationStatus;
import org.waypoint.risk.risk.domain.Person;
import org.waypoint.risk.risk.domain.Ratings;
import org.waypoint.risk.risk.domain.ReviewCycle;
import org.waypoint.risk.risk.domain.ReviewFrequency;
import org.waypoint.risk.risk.domain.Risk;
import org.waypoint.risk.risk.domain.RiskDetails;
import org.waypoint.risk.risk.domain.RiskId;
import org.waypoint.risk.risk.domain.Risks;

/**
 * Demo registers from the seeds, loaded at start-up when {@code waypoint.demo-data.enabled} (the
 * {@code local} profile) and there are no registers yet: East Ayrshire's CHCJRISK01-07 (seed 000,
 * likelihood x severity as published) and the four Dumfries and Galloway Social Work business plan
 * risks (seed 004, whose original/current/target matrices are images without numbers: the ratings
 * here are illustrative and their history says so). Loaded as imported history, without events, so
 * that starting a demo sends nobody an email about risks "raised" years ago.
 */
@Component
@ConditionalOnProperty(name = "waypoint.demo-data.enabled", havingValue = "true")
public class DemoData {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    static final String CJ = "Children and Justice";
    static final String AOP = "Adult and Older People";
    static final Person SARAH = new Person("Sarah Campbell", "sarah.manager", "sarah.campbell@waypoint.example");
    static final Person JAMIE = new Person("Jamie Wilson", "jamie.lead", "jamie.wilson@waypoint.example");
    static final Person DAVID = new Person("David Brown", "david.manager", "david.brown@waypoint.example");
    static final Person MORAG = new Person("Morag Clark", "morag.lead", "morag.clark@waypoint.example");

    private final RiskRegisters registers;
    private final Risks risks;
    private final Clock clock;

    public DemoData(RiskRegisters registers, Risks risks, Clock clock) {
        this.registers = registers;
        this.risks = risks;
        this.clock = clock;
    }

    record SeedRisk(String code, String title, String description, String riskFactors, String category, Person owner,
                    Rating original, Rating current, Rating target, List<String> mitigations) {
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(10)
    public void load() {
        try {
            if (!registers.all().isEmpty()) {
                return;
            }
            int loaded = loadRegister("east-ayrshire-chcj-2021-24",
                    "Children's Health, Care and Justice Service Improvement Plan 2021/24: risk register",
                    "East Ayrshire Health and Social Care Partnership", CJ, ReviewFrequency.QUARTERLY, eastAyrshire(),
                    "Seed 000, section 8 (Risk assessment/management 2021-2022)");
            loaded += loadRegister("dumfries-galloway-sws-2019-23",
                    "Social Work Services Business Plan 2019-2023: risk register",
                    "Dumfries and Galloway Council", AOP, ReviewFrequency.MONTHLY, dumfriesAndGalloway(),
                    "Seed 004, Appendix 1 risk register; ratings illustrative (the published matrices are images)");
            log.info("Demo data: loaded {} risks in 2 registers", loaded);
        } catch (RuntimeException e) {
            log.warn("Demo data not loaded: {}", e.getMessage());
        }
    }

    private int loadRegister(String id, String name, String organisation, String serviceArea, ReviewFrequency frequency,
                             List<SeedRisk> seedRisks, String source) {
        var now = clock.instant();
        LocalDate today = LocalDate.now(clock);
        RiskRegister register = RiskRegister.create(id, name, organisation, serviceArea, Banding.DEFAULT, null, "demo-data", now);
        registers.insert(register);
        for (SeedRisk s : seedRisks) {
            List<Mitigation> mitigations = new ArrayList<>();
            for (String text : s.mitigations()) {
                mitigations.add(new Mitigation(String.valueOf(mitigations.size() + 1), text, null, null,
                        MitigationStatus.IN_PLACE, null, null));
            }
            RiskDetails details = RiskDetails.of(s.code(), s.title(), s.description(), s.riskFactors(), s.category(),
                    s.owner(), serviceArea);
            Risk risk = Risk.raise(RiskId.newId(), register, details, new Ratings(s.original(), s.current(), s.target()),
                    ReviewCycle.starting(frequency, null, today), mitigations, "demo-data (" + source + ")", now, true).risk();
            risks.insert(risk, List.of());
        }
        return seedRisks.size();
    }

    static List<SeedRisk> eastAyrshire() {
        return List.of(
                new SeedRisk("CHCJRISK01", "Failure to protect children & young people",
                        "Increased demand for and complexity of public protection work related to the pandemic across all areas of "
                                + "vulnerability. Impact of lockdown for individuals and families experiencing hidden harm and the reduction "
                                + "in face-to-face support services at a prevention level leading to longer term impacts.",
                        null, "Public protection", SARAH, null, new Rating(3, 5), null, List.of(
                        "Public Protection Multi-Agency Covid Operational Oversight model in place and monitored through Public Protection Committees and Chief Officer Group",
                        "Public Protection Covid Guidance in place across all areas of protection service activity",
                        "Routine weekly public protection data monitoring integrated into oversight processes",
                        "Multi-Agency Operational Oversight Groups meeting regularly to horizon scan and mitigate risks in real-time",
                        "Senior Manager for Public Protection mandated to escalate multi-agency risks as required")),
                new SeedRisk("CHCJRISK02", "Failure to be sustainable",
                        "That as a consequence of Covid 19 related Government spending that this will result in a reduction in public "
                                + "services funding, coupled with demographic pressures, means we are unable to commission and deliver services "
                                + "which meet our strategic priorities or fulfil our statutory duties",
                        null, "Financial", SARAH, null, new Rating(4, 5), null, List.of(
                        "Maximise partnership working and the benefits of integration",
                        "Transformational change programmes and service redesign that seek to attract additional investment, release capacity and recurring savings, or stop activity that no longer delivers positive outcomes",
                        "Anticipate demand and identify activity that will reduce demand for services",
                        "Agile and smarter working")),
                new SeedRisk("CHCJRISK03", "Failure to manage and support change",
                        "The scale and pace of change required to respond to the pandemic has been immense. This pace of change and "
                                + "transformation may impact on senior management/leadership (and staff at all levels). There is a risk that "
                                + "people become overwhelmed with the scale of change and become disengaged from the transformation agenda and "
                                + "our strategic priorities, leading to poor morale, and in turn to increased staff absences and further pressures on meeting demand.",
                        null, "Workforce", SARAH, null, new Rating(3, 4), null, List.of(
                        "Ensure that work is appropriately delegated to managers/leaders",
                        "Monitor impact of expanded portfolios for Heads of Service",
                        "Staff / team communication and learning opportunities",
                        "Regular review and timeline realignment where necessary")),
                new SeedRisk("CHCJRISK04", "Failure to meet standards of care",
                        "That, due to workforce development and planning issues, inconsistent practice across services, inconsistent or "
                                + "poor practice mean we are not meeting children's or communities' needs in a way that is safe for them, is of "
                                + "good quality, or that meets our own or statutory standards.",
                        null, "Service delivery", SARAH, null, new Rating(3, 5), null, List.of(
                        "Codes of conduct",
                        "Robust governance arrangements; complaints procedures",
                        "Professional supervision protocols",
                        "Quality assurance measures (such as case file audits; Care Inspectorate inspections)",
                        "H&SCP Workforce Development Plan")),
                new SeedRisk("CHCJRISK05", "Failure to move to a more preventive and early intervention delivery model",
                        "That we fail to sustain our models of care, meaning children and communities are no longer able to access "
                                + "appropriate support at an early stage, and so require more intensive supports, or that we fail to support "
                                + "preventable re-offending; and that in turn this contributes to unsustainability of the health and social care system.",
                        null, "Strategic", SARAH, null, new Rating(2, 4), null, List.of(
                        "Strong multi-agency partnership involvement in the Children & Young People's Service Plan and the Community Justice Outcome Improvement Plan",
                        "Robust progress reporting and performance framework to ensure implementation of plans",
                        "CAMHS early intervention improvement project to seek to shift balance of care")),
                new SeedRisk("CHCJRISK06", "Failure due to working restrictions in place as a result of COVID-19",
                        "Due to the restrictions in place due to Covid, staff are working more from home and are often working in isolated "
                                + "ways. This increases the risk of silo working and real disconnect between colleagues, teams and services as "
                                + "our people become detached from each other.",
                        null, "Workforce", JAMIE, null, new Rating(2, 2), null, List.of(
                        "Strong supportive and regular supervision",
                        "Regular team engagement through digital means",
                        "Strong manager oversight to identify issues")),
                new SeedRisk("CHCJRISK07", "Failure to support staff with Covid-19 pressures", null,
                        null, "Workforce", JAMIE, null, new Rating(2, 2), null, List.of()));
    }

    static List<SeedRisk> dumfriesAndGalloway() {
        return List.of(
                new SeedRisk("DGSWS-R1", "Failure to protect our most vulnerable citizens",
                        "As a result of systemic failure - we fail to protect our most vulnerable citizens from the cradle to the grave.",
                        "Someone dies or suffers significant harm. Sustained reputational damage. Legal redress. Impact on frontline staff.",
                        "Public protection", DAVID, new Rating(4, 5), new Rating(3, 5), new Rating(2, 5), List.of(
                        "Child and adult protection arrangements",
                        "Public Protection Committee",
                        "Multi-agency policies and procedures")),
                new SeedRisk("DGSWS-R2", "Shortfall of skilled SWS staff to deliver statutory duties",
                        "Shortfall of skilled SWS staff to deliver statutory duties as a result of social, economic and demographic changes.",
                        "Inability to deliver statutory duties. Increased risk to clients. Increased risk to community. Reputational damage. Impact to remaining staff",
                        "Workforce", DAVID, new Rating(4, 4), new Rating(3, 4), new Rating(2, 4), List.of(
                        "Continuing to recruit posts and ensuring terms and conditions are competitive",
                        "Grow Your Own Scheme",
                        "Council commitment to Organisational Development Framework",
                        "Unallocated Work Policy",
                        "Workload Management",
                        "PDRs")),
                new SeedRisk("DGSWS-R3", "Failure to adapt practices in response to decreasing finances",
                        "Failure to adapt practices in response to decreasing finances within the given timescale.",
                        "Existing work practices may become unsustainable. Reduction in capacity to support people at risk of harm.",
                        "Financial", MORAG, new Rating(4, 4), new Rating(3, 4), new Rating(2, 3), List.of(
                        "Social Work Change Programme")),
                new SeedRisk("DGSWS-R4", "Failure of electronic information system",
                        "Failure of electronic information system.",
                        "Inability to deliver front line services. Reduction in capacity to support people at risk of harm. Reduction in efficiency.",
                        "Information and technology", MORAG, new Rating(3, 4), new Rating(2, 4), new Rating(1, 4), List.of(
                        "TS backup system",
                        "SWS Business Systems Governance Group")));
    }
}

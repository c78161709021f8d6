package org.waypoint.plan.support;

/** JSON bodies for the plan-service API, from seed 000 (East Ayrshire CHCJ Service Improvement Plan 2021/24). */
public final class PlanJson {

    private PlanJson() {
    }

    public static String plan(String id, String serviceArea) {
        return """
                {"id":"%s","title":"Children's Health, Care and Justice Service Improvement Plan",
                 "organisation":"East Ayrshire Health and Social Care Partnership","service":"Children's Health, Care and Justice",
                 "serviceArea":"%s","period":"2021/22-2023/24","owner":"sarah.manager","status":"ACTIVE",
                 "priorities":[{"id":"SWLW","title":"Starting Well, Living Well"},{"id":"CFW","title":"Caring for our Workforce"},
                               {"id":"SP","title":"Safe and Protected"}],
                 "outcomes":[{"code":"NO5","title":"Health and social care services contribute to reducing health inequalities"}]}
                """.formatted(id, serviceArea);
    }

    /** A plan of no service area (only officers and admins may create one, or add to it). */
    public static String planWithoutArea(String id) {
        return plan(id, "-").replace("\"serviceArea\":\"-\",", "");
    }

    /** An action without steps; {@code start} may be null. */
    public static String simpleAction(String planId, String serviceArea, String due, String start, String leadUsername) {
        return """
                {"planId":"%s","priorityId":"SP","reference":"SP-3","title":"Support the implementation of the new MAPPA standards",
                 "serviceArea":"%s","due":"%s",%s
                 "leads":[{"name":"Jamie Wilson","username":"%s","email":"jamie.wilson@waypoint.example"}]}
                """.formatted(planId, serviceArea, due, start == null ? "" : "\"startDate\":\"" + start + "\",", leadUsername);
    }

    /** As {@link #action(String, String, String, String)}, led by someone else: {@code "leads":[...]} replaced by {@code leads}. */
    public static String actionLedBy(String planId, String serviceArea, String due, String leads) {
        return action(planId, serviceArea, due, "jamie.lead").replaceFirst("\"leads\":\\[.*]", java.util.regex.Matcher.quoteReplacement("\"leads\":" + leads));
    }

    public static String action(String planId, String serviceArea, String due, String leadUsername) {
        return """
                {"planId":"%s","priorityId":"SP","reference":"SP-2",
                 "title":"Support the implementation of the new MAPPA standards",
                 "serviceArea":"%s","due":"%s","startDate":"2021-04-01",
                 "steps":[{"text":"Review the Covid oversight arrangements","due":"2021"},
                          {"text":"Report recommendations to Chief Officer Group","lead":{"name":"Senior Manager"},"due":"2022"}],
                 "leads":[{"name":"Jamie Wilson","username":"%s","email":"jamie.wilson@waypoint.example"}]}
                """.formatted(planId, serviceArea, due, leadUsername);
    }
}

package org.waypoint.notification.alert.application;

import java.util.Map;

/** Renders a named template into a subject line, a plain-text body and an HTML body. */
public interface AlertTemplates {

    record Rendered(String subject, String text, String html) {
    }

    Rendered render(String template, Map<String, Object> model);
}

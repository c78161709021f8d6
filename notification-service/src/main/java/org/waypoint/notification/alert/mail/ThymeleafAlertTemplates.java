package org.waypoint.notification.alert.mail;

import java.util.Map;

import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.waypoint.notification.alert.application.AlertTemplates;
import org.waypoint.platform.validation.Text;

/**
 * Renders {@code templates/mail/<name>.txt} (first line: the subject; then a blank line; then the
 * plain-text body) and {@code templates/mail/<name>.html} with Thymeleaf. The model holds the
 * event's {@code data} as {@code event}, the {@code item} (kind, id, url), the {@code recipient}
 * (name, email, audience) and {@code fmt} ({@link MailFormat}). Every text of the model is flattened to
 * one line first (no control characters), so that nothing in an event can cut the subject or add a line.
 */
@Component
public class ThymeleafAlertTemplates implements AlertTemplates {

    private final TemplateEngine engine = new SpringTemplateEngine();
    private final MailFormat format = new MailFormat();

    public ThymeleafAlertTemplates() {
        engine.addTemplateResolver(resolver(TemplateMode.TEXT, "*.txt", 1));
        engine.addTemplateResolver(resolver(TemplateMode.HTML, "*.html", 2));
    }

    private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String pattern, int order) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/mail/");
        resolver.setTemplateMode(mode);
        resolver.setResolvablePatterns(java.util.Set.of(pattern));
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        resolver.setCheckExistence(true);
        resolver.setOrder(order);
        return resolver;
    }

    @Override
    public Rendered render(String template, Map<String, Object> model) {
        Context context = new Context(java.util.Locale.UK);
        context.setVariables(oneLine(model));
        context.setVariable("fmt", format);
        String text = engine.process(template + ".txt", context).replace("\r\n", "\n");
        int end = text.indexOf('\n');
        String subject = (end < 0 ? text : text.substring(0, end)).strip();
        String body = end < 0 ? "" : text.substring(end + 1).stripLeading();
        body = body.replaceAll("\n{3,}", "\n\n");
        String html = engine.process(template + ".html", context);
        return new Rendered(subject, body, html);
    }

    /**
     * The model with every text in it flattened to one line ({@link Text#flatten}): the templates write
     * event values (titles, names, codes, references) inline, in the subject line and in body lines, so a
     * line break sent in one (whatever the producer allowed) can neither end the subject early nor start a
     * line of its own in the body. Maps and lists are copied; other values are kept as they are.
     */
    static Map<String, Object> oneLine(Map<String, Object> model) {
        Map<String, Object> flat = new java.util.LinkedHashMap<>();
        model.forEach((key, value) -> flat.put(key, flatten(value)));
        return flat;
    }

    private static Object flatten(Object value) {
        if (value instanceof String text) {
            return Text.flatten(text);
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> flat = new java.util.LinkedHashMap<>();
            map.forEach((k, v) -> flat.put(k, flatten(v)));
            return flat;
        }
        if (value instanceof java.util.List<?> list) {
            return list.stream().map(ThymeleafAlertTemplates::flatten).toList();
        }
        return value;
    }
}

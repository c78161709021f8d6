package org.waypoint.notification.alert.mail;

import java.util.Map;

import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.waypoint.notification.alert.application.AlertTemplates;

/**
 * Renders {@code templates/mail/<name>.txt} (first line: the subject; then a blank line; then the
 * plain-text body) and {@code templates/mail/<name>.html} with Thymeleaf. The model holds the
 * event's {@code data} as {@code event}, the {@code item} (kind, id, url), the {@code recipient}
 * (name, email, audience) and {@code fmt} ({@link MailFormat}).
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
        context.setVariables(model);
        context.setVariable("fmt", format);
        String text = engine.process(template + ".txt", context).replace("\r\n", "\n");
        int end = text.indexOf('\n');
        String subject = (end < 0 ? text : text.substring(0, end)).strip();
        String body = end < 0 ? "" : text.substring(end + 1).stripLeading();
        body = body.replaceAll("\n{3,}", "\n\n");
        String html = engine.process(template + ".html", context);
        return new Rendered(subject, body, html);
    }
}

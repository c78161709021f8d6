package org.waypoint.platform.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a record of query parameters (a list's filters, say) bound as one controller argument. It is
 * bound as its fields would be as {@code @RequestParam}s (see {@link QueryObjectBinding}): from the
 * query only, and a value of the wrong type is a 400 naming the field.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface QueryObject {
}

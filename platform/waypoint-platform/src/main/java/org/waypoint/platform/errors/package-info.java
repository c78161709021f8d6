/**
 * What a use case reports when it cannot do what was asked, in the domain's words and without any
 * web type: {@link org.waypoint.platform.errors.NotFoundException} (the item is not there). The web
 * layer ({@code ProblemDetailsAdvice}) answers each as problem details (404). Bad input is
 * {@link org.waypoint.platform.validation.InvalidInputException} (400 naming the field).
 */
package org.waypoint.platform.errors;

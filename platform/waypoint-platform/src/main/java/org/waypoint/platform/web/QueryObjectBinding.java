package org.waypoint.platform.web;

import org.springframework.beans.PropertyAccessException;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DefaultBindingErrorProcessor;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.support.ExtendedServletRequestDataBinder;
import org.waypoint.platform.validation.InvalidInputException;

/**
 * Binds every {@link QueryObject} the way its fields were bound as {@code @RequestParam}s: from query
 * parameters of the same names only (not from request headers, nor {@code _name}/{@code !name}
 * markers, which object binding would otherwise also read), and a value that cannot be converted
 * (e.g. {@code type=OPERATING}) is a field error saying {@value #WRONG_TYPE_OR_FORMAT}, which
 * {@link ProblemDetailsAdvice} answers as 400 naming the field, without Spring's conversion message.
 */
@ControllerAdvice
public class QueryObjectBinding {

    /** A parameter name with these is a property path or a query operator ({@code name[$ne]}, {@code name.x}), never a filter. */
    private static final String PATH_OR_OPERATOR = "[].$";

    public static final String WRONG_TYPE_OR_FORMAT = "has the wrong type or format";

    public static final String NOT_A_FILTER = "is not a filter of this list (a name with [ ] . or $ is never one)";

    /**
     * Object binding would read {@code owner[$ne]=x} or {@code owner.x=x} as a property path and fail
     * deep inside Spring (a 500); such a name is answered 400 naming the parameter before binding.
     */
    private static void refusePathsAndOperators(WebRequest request) {
        for (var names = request.getParameterNames(); names.hasNext(); ) {
            String name = names.next();
            if (name.chars().anyMatch(c -> PATH_OR_OPERATOR.indexOf(c) >= 0)) {
                throw new InvalidInputException(name, NOT_A_FILTER);
            }
        }
    }

    @InitBinder
    void bindFromTheQueryOnly(WebDataBinder binder, WebRequest request) {
        if (binder.getTargetType() == null) {
            return;
        }
        refusePathsAndOperators(request);
        if (!binder.getTargetType().toClass().isAnnotationPresent(QueryObject.class)) {
            return;
        }
        binder.setFieldMarkerPrefix(null);
        binder.setFieldDefaultPrefix(null);
        if (binder instanceof ExtendedServletRequestDataBinder servlet) {
            servlet.setHeaderPredicate(header -> false);
        }
        binder.setBindingErrorProcessor(new DefaultBindingErrorProcessor() {
            @Override
            public void processPropertyAccessException(PropertyAccessException ex, BindingResult result) {
                String field = ex.getPropertyName();
                result.addError(new FieldError(result.getObjectName(), field, ex.getValue(), true,
                        result.resolveMessageCodes(ex.getErrorCode(), field), null, WRONG_TYPE_OR_FORMAT));
            }
        });
    }
}

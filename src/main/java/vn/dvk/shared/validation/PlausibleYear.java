package vn.dvk.shared.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A year of the movement's records: from {@value Years#FIRST} (the first year any record can name) to
 * next year (plans and registrations are made ahead), next year by the application's clock. Null passes.
 */
@Documented
@Constraint(validatedBy = PlausibleYearValidator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT,
        ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface PlausibleYear {

    String message() default "{validation.PlausibleYear}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}

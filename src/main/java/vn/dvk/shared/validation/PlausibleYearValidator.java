package vn.dvk.shared.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Created by Spring's validator factory, so the range follows the application's {@link java.time.Clock}. */
class PlausibleYearValidator implements ConstraintValidator<PlausibleYear, Integer> {

    private final Years years;

    PlausibleYearValidator(Years years) {
        this.years = years;
    }

    @Override
    public boolean isValid(Integer year, ConstraintValidatorContext context) {
        return year == null || years.plausible(year);
    }
}

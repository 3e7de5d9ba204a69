package vn.dvk.shared.validation;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;
import vn.dvk.shared.DomainException;
import vn.dvk.shared.FieldProblem;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.validation.method.MethodValidationResult;

/**
 * Checks an input (a request record or a form's draft) against the Jakarta constraints on its
 * components before anything reaches the database: lengths matching the columns ({@code @Size}),
 * numbers what their columns hold ({@code @DecimalMax}), years the sane range ({@link PlausibleYear}), and no
 * text with a NUL character (PostgreSQL cannot store one). A refusal is invalid input whose problems
 * name each field, in the user's language, for a form and for the API alike.
 */
@Component
public class Inputs {

    private final Validator validator;
    private final Years years;

    Inputs(Validator validator, Years years) {
        this.validator = validator;
        this.years = years;
    }

    /** Refuses the input (any number of them) when one breaks a constraint. */
    public void check(Object... inputs) {
        List<FieldProblem> problems = new ArrayList<>();
        for (Object input : inputs) {
            problems.addAll(problems(input));
        }
        if (!problems.isEmpty()) {
            throw new DomainException(DomainException.Kind.INVALID, problems, "error.validation");
        }
    }

    /** The problems of an input, for callers that add their own before refusing. */
    public List<FieldProblem> problems(Object input) {
        if (input == null) {
            return List.of();
        }
        List<FieldProblem> problems = new ArrayList<>();
        validator.validate(input).stream()
                .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .forEach(v -> problems.add(problem(v)));
        nulProblems("", input, problems, 0);
        return problems;
    }

    /**
     * The problems of a handler's parameters checked by Spring's method validation (a {@code @RequestParam}
     * carrying a constraint), each named after its parameter.
     */
    public List<FieldProblem> problems(MethodValidationResult result) {
        List<FieldProblem> problems = new ArrayList<>();
        for (var parameter : result.getParameterValidationResults()) {
            String name = parameter.getMethodParameter().getParameterName();
            for (var error : parameter.getResolvableErrors()) {
                ConstraintViolation<?> violation = parameter.unwrap(error, ConstraintViolation.class);
                problems.add(violation == null ? FieldProblem.field(name, "validation.field.invalid", label(name))
                        : problem(name, violation));
            }
        }
        return problems;
    }

    /** The label of a field for messages: its "field.*" message, else its name. */
    public static DefaultMessageSourceResolvable label(String field) {
        String leaf = leaf(field);
        return new DefaultMessageSourceResolvable(new String[] {"field." + leaf}, leaf);
    }

    private FieldProblem problem(ConstraintViolation<?> violation) {
        return problem(violation.getPropertyPath().toString(), violation);
    }

    private FieldProblem problem(String field, ConstraintViolation<?> violation) {
        String constraint = violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
        Map<String, Object> attributes = violation.getConstraintDescriptor().getAttributes();
        DefaultMessageSourceResolvable label = label(field);
        return switch (constraint) {
            case "Size" -> FieldProblem.field(field, "validation.field.Size", label, attributes.get("max"));
            case "Max", "Min" -> FieldProblem.field(field, "validation.field." + constraint, label, attributes.get("value"));
            case "DecimalMax", "DecimalMin" -> FieldProblem.field(field, "validation.field." + constraint, label,
                    new BigDecimal(attributes.get("value").toString()));
            case "Digits" -> FieldProblem.field(field, "validation.field.Digits", label, attributes.get("integer"),
                    attributes.get("fraction"));
            case "PlausibleYear" -> FieldProblem.field(field, "validation.PlausibleYear", label, Years.FIRST, years.last());
            default -> FieldProblem.field(field, "validation.field.invalid", label);
        };
    }

    private static String leaf(String field) {
        String name = field;
        int dot = name.lastIndexOf('.');
        if (dot >= 0) {
            name = name.substring(dot + 1);
        }
        int bracket = name.indexOf('[');
        return bracket >= 0 ? name.substring(0, bracket) : name;
    }

    private static void nulProblems(String path, Object value, List<FieldProblem> problems, int depth) {
        if (value == null || depth > 3) {
            return;
        }
        if (value instanceof CharSequence text) {
            if (text.chars().anyMatch(c -> c == 0)) {
                problems.add(FieldProblem.field(path, "validation.field.nul", label(path)));
            }
        } else if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                nulProblems(path + "[" + i++ + "]", item, problems, depth + 1);
            }
        } else if (value instanceof Map<?, ?> map) {
            map.values().forEach(item -> nulProblems(path, item, problems, depth + 1));
        } else if (value.getClass().isRecord()) {
            for (RecordComponent component : value.getClass().getRecordComponents()) {
                try {
                    component.getAccessor().setAccessible(true);
                    Object part = component.getAccessor().invoke(value);
                    nulProblems(path.isEmpty() ? component.getName() : path + "." + component.getName(), part, problems,
                            depth + 1);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    // a component that cannot be read is not text typed by a user
                }
            }
        }
    }
}

package vn.dvk.shared.web;

import org.springframework.dao.DataIntegrityViolationException;
import vn.dvk.shared.FieldProblem;
import vn.dvk.shared.validation.Inputs;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A safety net behind the input checks: a value the database refused as too long or out of range
 * (H2: "Value too long for column \"NAME ...\"", "Numeric value out of range"; PostgreSQL: "value too
 * long for type", "numeric field overflow") is the user's input, answered as such, naming the column
 * where the database said which.
 */
final class DatabaseRefusals {

    private static final Pattern TOO_LONG = Pattern.compile(
            "value too long|numeric value out of range|numeric field overflow|out of range for type", Pattern.CASE_INSENSITIVE);
    private static final Pattern COLUMN = Pattern.compile("column \"(?:[A-Za-z0-9_]+\\.)*([A-Za-z0-9_]+)");

    private DatabaseRefusals() {
    }

    /** The problem of a value too long or too large, or null when the database refused something else. */
    static FieldProblem tooLong(DataIntegrityViolationException e) {
        String message = messages(e);
        if (!TOO_LONG.matcher(message).find()) {
            return null;
        }
        Matcher column = COLUMN.matcher(message);
        String field = column.find() ? camel(column.group(1)) : "";
        return FieldProblem.field(field, "validation.field.tooLong", field.isEmpty() ? Inputs.label("value") : Inputs.label(field));
    }

    private static String messages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null && all.length() < 100_000; t = t.getCause() == t ? null : t.getCause()) {
            all.append(' ').append(t.getMessage());
        }
        return all.toString();
    }

    private static String camel(String column) {
        String[] parts = column.toLowerCase(Locale.ROOT).split("_");
        StringBuilder name = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            if (!parts[i].isEmpty()) {
                name.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
            }
        }
        return name.toString();
    }
}

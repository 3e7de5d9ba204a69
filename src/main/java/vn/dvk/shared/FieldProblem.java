package vn.dvk.shared;

/**
 * One thing wrong with an input: a form field, or a cell of an imported file (row and column).
 * The message is already in the user's language, or is a message key with arguments to resolve.
 */
public record FieldProblem(String field, Long row, String column, String messageKey, Object... args) {

    public static FieldProblem field(String field, String messageKey, Object... args) {
        return new FieldProblem(field, null, null, messageKey, args);
    }

    public static FieldProblem cell(long row, String column, String messageKey, Object... args) {
        return new FieldProblem(null, row, column, messageKey, args);
    }
}

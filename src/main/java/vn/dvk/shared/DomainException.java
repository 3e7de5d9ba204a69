package vn.dvk.shared;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A refusal by a domain rule, carrying a message key (resolved in the caller's language), its
 * arguments and the HTTP status the API answers with. Field errors name the field or row at fault.
 */
public class DomainException extends RuntimeException {

    /** What went wrong, with the HTTP status it answers on pages and on the API alike. */
    public enum Kind {
        NOT_FOUND(404), CONFLICT(409), INVALID(422), FORBIDDEN(403), TOO_LARGE(413), STORAGE_FULL(507);

        private final int status;

        Kind(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private final Kind kind;
    private final String messageKey;
    private final transient Object[] args;
    private final transient List<FieldProblem> problems;
    private transient Object current;

    public DomainException(Kind kind, String messageKey, Object... args) {
        this(kind, List.of(), messageKey, args);
    }

    public DomainException(Kind kind, List<FieldProblem> problems, String messageKey, Object... args) {
        super(messageKey);
        this.kind = kind;
        this.messageKey = messageKey;
        this.args = args;
        this.problems = List.copyOf(problems);
    }

    public static DomainException notFound(String messageKey, Object... args) {
        return new DomainException(Kind.NOT_FOUND, messageKey, args);
    }

    public static DomainException conflict(String messageKey, Object... args) {
        return new DomainException(Kind.CONFLICT, messageKey, args);
    }

    public static DomainException invalid(String messageKey, Object... args) {
        return new DomainException(Kind.INVALID, messageKey, args);
    }

    /**
     * The record as it is now, for a conflict (a stale version, a locked record): answered in the problem's
     * {@code current} so a client holding its own version (the offline queue) can show both.
     */
    public DomainException withCurrent(Object current) {
        this.current = current;
        return this;
    }

    public Object current() {
        return current;
    }

    public Kind kind() {
        return kind;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args;
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    /** The first problem of each form field, for messages under the fields. */
    public Map<String, FieldProblem> problemsByField() {
        Map<String, FieldProblem> byField = new HashMap<>();
        problems.stream().filter(p -> p.field() != null).forEach(p -> byField.putIfAbsent(p.field(), p));
        return byField;
    }
}

package vn.dvk.identity;

import vn.dvk.shared.FieldProblem;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** At least 10 characters with a letter and a digit, not the user name, not a well-known password. */
final class PasswordPolicy {

    static final int MIN_LENGTH = 10;
    static final int MAX_LENGTH = 128;
    private static final Set<String> COMMON = Set.of("1234567890", "123456789a", "password123", "matkhau123",
            "qwertyuiop", "abc1234567", "admin12345", "dvk1234567", "12345678910", "a123456789");

    private PasswordPolicy() {
    }

    static List<FieldProblem> check(String field, String password, String username) {
        List<FieldProblem> problems = new ArrayList<>();
        if (password == null || password.length() < MIN_LENGTH || password.length() > MAX_LENGTH) {
            problems.add(FieldProblem.field(field, "password.length", MIN_LENGTH, MAX_LENGTH));
            return problems;
        }
        if (password.chars().noneMatch(Character::isLetter) || password.chars().noneMatch(Character::isDigit)) {
            problems.add(FieldProblem.field(field, "password.lettersAndDigits"));
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (username != null && lower.contains(username.toLowerCase(Locale.ROOT))) {
            problems.add(FieldProblem.field(field, "password.containsUsername"));
        }
        if (COMMON.contains(lower)) {
            problems.add(FieldProblem.field(field, "password.common"));
        }
        return problems;
    }
}

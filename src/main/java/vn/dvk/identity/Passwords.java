package vn.dvk.identity;

import java.security.SecureRandom;

/** Generated passwords: for the first administrator and for resets, shown once. */
final class Passwords {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String LETTERS = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String DIGITS = "23456789";
    private static final int LENGTH = 16;

    private Passwords() {
    }

    static String generate() {
        StringBuilder password = new StringBuilder(LENGTH);
        String all = LETTERS + DIGITS;
        for (int i = 0; i < LENGTH - 2; i++) {
            password.append(all.charAt(RANDOM.nextInt(all.length())));
        }
        password.insert(RANDOM.nextInt(password.length()), DIGITS.charAt(RANDOM.nextInt(DIGITS.length())));
        password.insert(RANDOM.nextInt(password.length()), LETTERS.charAt(RANDOM.nextInt(LETTERS.length())));
        return password.toString();
    }
}

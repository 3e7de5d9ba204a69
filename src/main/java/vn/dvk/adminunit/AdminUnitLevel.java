package vn.dvk.adminunit;

/** The level of an administrative unit; districts exist only in data before 1 July 2025. */
public enum AdminUnitLevel {
    PROVINCE(2), DISTRICT(3), COMMUNE(5), VILLAGE(0);

    private final int codeLength;

    AdminUnitLevel(int codeLength) {
        this.codeLength = codeLength;
    }

    /** Length of the official GSO code at this level (0: villages have no national code). */
    public int codeLength() {
        return codeLength;
    }

    /** The official code, restored to its full length when a spreadsheet dropped leading zeros. */
    public String normaliseCode(String code) {
        String trimmed = code == null ? "" : code.strip();
        if (trimmed.endsWith(".0")) {
            trimmed = trimmed.substring(0, trimmed.length() - 2);
        }
        if (codeLength > 0 && !trimmed.isEmpty() && trimmed.length() < codeLength && trimmed.chars().allMatch(Character::isDigit)) {
            return "0".repeat(codeLength - trimmed.length()) + trimmed;
        }
        return trimmed;
    }

    /** True when the code has the official shape of this level (digits, exact length). */
    public boolean isValidCode(String code) {
        return codeLength > 0 && code != null && code.length() == codeLength && code.chars().allMatch(Character::isDigit);
    }
}

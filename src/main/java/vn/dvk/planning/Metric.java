package vn.dvk.planning;

/** What a target counts, each year in a unit: registrations from the registry. */
public enum Metric {
    /** Initiatives registered as built new that year. */
    NEW_MODELS,
    /** Initiatives built new that year in an ethnic-minority area. */
    NEW_ETHNIC_MINORITY,
    /** All registrations of the year, new and maintained. */
    REGISTERED,
    /** Registrations of the year recognised (or proposed for, or granted, a commendation). */
    RECOGNISED;

    /** Whether a registration counts for this metric ({@code recognised} as registration_fact tells it, V30). */
    boolean counts(String status, boolean ethnicMinority, boolean recognised) {
        return switch (this) {
            case NEW_MODELS -> "NEW".equals(status);
            case NEW_ETHNIC_MINORITY -> "NEW".equals(status) && ethnicMinority;
            case REGISTERED -> true;
            case RECOGNISED -> recognised;
        };
    }
}

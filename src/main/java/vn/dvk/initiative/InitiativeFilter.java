package vn.dvk.initiative;

/**
 * The initiative list's filters as pages, exports and the API take them
 * ({@code ?unit=&sector=&year=&kind=&holder=&status=&state=&targetGroup=&featured=&q=}), bound once as a
 * model attribute instead of ten request parameters in each controller. Blank texts count as absent.
 */
public record InitiativeFilter(String unit, String sector, Integer year, Kind kind, Holder holder, RegistrationStatus status,
                               String state, TargetGroup targetGroup, Boolean featured, String q) {

    /** The registry's query for these filters. */
    public InitiativeQuery query() {
        return new InitiativeQuery(blankToNull(unit), blankToNull(sector), year, kind, holder, status, blankToNull(state), targetGroup,
                featured, blankToNull(q));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}

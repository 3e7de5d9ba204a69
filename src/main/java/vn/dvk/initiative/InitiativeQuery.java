package vn.dvk.initiative;

/**
 * Filters of the initiative list; every field is optional. {@code unitCode} includes everything
 * under the unit; {@code year} keeps initiatives registered that year (and the registration's status
 * and workflow state then filter); {@code text} matches the start of words of the name, code,
 * description and locality, without regard to diacritics.
 */
public record InitiativeQuery(String unitCode, String sector, Integer year, Kind kind, Holder holder,
                              RegistrationStatus status, String workflowState, TargetGroup targetGroup,
                              Boolean featured, String text) {

    public static InitiativeQuery all() {
        return new InitiativeQuery(null, null, null, null, null, null, null, null, null, null);
    }
}

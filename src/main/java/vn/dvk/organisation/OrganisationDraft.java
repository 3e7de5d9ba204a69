package vn.dvk.organisation;

/**
 * An organisation as typed in a form or sent to the API, before it is checked. The unit is given
 * by id or by code (the version in force today); version is required when editing.
 */
public record OrganisationDraft(String name, OrganisationType type, String unitCode, Long unitId, Long parentId,
                                Long version) {
}

package vn.dvk.organisation;

/** What other modules and the API see of an organisation. */
public record OrganisationView(Long id, String name, OrganisationType type, Long unitId, String unitCode,
                               String unitName, Long parentId, String parentName, long version) {
}

package vn.dvk.organisation;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import vn.dvk.shared.security.DataScope;

import java.util.List;

interface OrganisationRepository extends JpaRepository<Organisation, Long> {

    /**
     * Organisations whose unit is the given unit or lies under it (materialised path prefix, index
     * range scan), inside the reader's data scope, optionally of one type and matching folded text,
     * in Vietnamese order.
     */
    @Query(value = "select o.*" + UNDER_UNIT_IN_SCOPE + " order by o.sort_key, o.id",
            countQuery = "select count(*)" + UNDER_UNIT_IN_SCOPE,
            nativeQuery = true)
    Page<Organisation> search(@Param("unitId") Long unitId, @Param("unitPrefix") String pathPrefix, @Param("type") String type,
                              @Param("text") String text, @Param("national") boolean national,
                              @Param("scopeId") Long scopeUnitId, @Param("scopePrefix") String scopePrefix,
                              Pageable pageable);

    /** "from … where" of {@link #search}: the units through adminunit's view unit_tree (V30). */
    String UNDER_UNIT_IN_SCOPE = " from organisation o join unit_tree u on u.id = o.unit_id"
            + " where " + DataScope.SUBTREE_BY_PATH
            + " and (cast(:type as varchar(40)) is null or o.type = cast(:type as varchar(40)))"
            + " and o.search_key like :text"
            + " and (:national = true or " + DataScope.SQL + ")";

    List<Organisation> findByParentIdOrderBySortKey(Long parentId);

    long countByUnitId(Long unitId);
}

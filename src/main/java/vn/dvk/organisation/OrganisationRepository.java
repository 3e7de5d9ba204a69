package vn.dvk.organisation;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.util.List;

interface OrganisationRepository extends JpaRepository<Organisation, Long> {

    /**
     * Organisations whose unit is the given unit or lies under it (materialised path prefix, index
     * range scan), inside the reader's data scope, optionally of one type and matching folded text,
     * in Vietnamese order.
     */
    @Query(value = """
            select o.* from organisation o join admin_unit u on u.id = o.unit_id
            where (u.id = :unitId or u.path like :pathPrefix)
              and (cast(:type as varchar(40)) is null or o.type = cast(:type as varchar(40)))
              and o.search_key like :text
              and (:national = true or u.id = :scopeUnitId or u.path like :scopePrefix or u.placed_path like :scopePrefix)
            order by o.sort_key, o.id""",
            countQuery = """
            select count(*) from organisation o join admin_unit u on u.id = o.unit_id
            where (u.id = :unitId or u.path like :pathPrefix)
              and (cast(:type as varchar(40)) is null or o.type = cast(:type as varchar(40)))
              and o.search_key like :text
              and (:national = true or u.id = :scopeUnitId or u.path like :scopePrefix or u.placed_path like :scopePrefix)""",
            nativeQuery = true)
    Page<Organisation> search(@Param("unitId") Long unitId, @Param("pathPrefix") String pathPrefix, @Param("type") String type,
                              @Param("text") String text, @Param("national") boolean national,
                              @Param("scopeUnitId") Long scopeUnitId, @Param("scopePrefix") String scopePrefix,
                              Pageable pageable);

    List<Organisation> findByParentIdOrderBySortKey(Long parentId);

    long countByUnitId(Long unitId);
}

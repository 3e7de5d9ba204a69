package vn.dvk.organisation;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.util.List;

interface OrganisationRepository extends JpaRepository<Organisation, Long> {

    /**
     * Organisations whose unit lies under the unit path (materialised path prefix, index range scan),
     * optionally of one type and matching folded text, in Vietnamese order.
     */
    @Query(value = """
            select o.* from organisation o join admin_unit u on u.id = o.unit_id
            where (u.id = :unitId or u.path like :pathPrefix)
              and (cast(:type as varchar(40)) is null or o.type = cast(:type as varchar(40)))
              and o.search_key like :text
            order by o.sort_key, o.id""",
            countQuery = """
            select count(*) from organisation o join admin_unit u on u.id = o.unit_id
            where (u.id = :unitId or u.path like :pathPrefix)
              and (cast(:type as varchar(40)) is null or o.type = cast(:type as varchar(40)))
              and o.search_key like :text""",
            nativeQuery = true)
    Page<Organisation> search(@Param("unitId") Long unitId, @Param("pathPrefix") String pathPrefix, @Param("type") String type,
                              @Param("text") String text, Pageable pageable);

    List<Organisation> findByParentIdOrderBySortKey(Long parentId);

    long countByUnitId(Long unitId);
}

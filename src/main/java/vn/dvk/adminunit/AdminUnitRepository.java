package vn.dvk.adminunit;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import vn.dvk.shared.security.DataScope;

import java.time.LocalDate;
import java.util.List;

interface AdminUnitRepository extends JpaRepository<AdminUnit, Long>, JpaSpecificationExecutor<AdminUnit> {

    List<AdminUnit> findByCodeOrderByValidFromAsc(String code);

    @Query("""
            select count(u) from AdminUnit u
            where u.level = :level
              and (u.validFrom is null or u.validFrom <= :on) and (u.validTo is null or u.validTo >= :on)""")
    long countValidOn(@Param("level") AdminUnitLevel level, @Param("on") LocalDate on);

    /** The ids of a province and of everything under it (the pattern "/id/%" matches the paths below it). */
    @Query("select u.id from AdminUnit u where " + DataScope.SUBTREE_BY_PATH)
    List<Long> subtreeIds(@Param("unitId") Long id, @Param("unitPrefix") String pattern);

}

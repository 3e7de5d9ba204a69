package vn.dvk.initiative;

import jakarta.persistence.LockModeType;
import java.util.Collection;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.util.List;
import java.util.Optional;

interface InitiativeRepository extends JpaRepository<Initiative, Long> {

    Optional<Initiative> findByProvinceIdAndCode(Long provinceId, String code);

    List<Initiative> findByReplicatedFromIdOrderBySortKey(Long pilotId);

    List<Initiative> findByUnitId(Long unitId);

    List<Initiative> findByCode(String code);

    /** Id and name of a unit's initiatives, oldest first (for matching imported rows, without loading them). */
    @Query("select i.id, i.name from Initiative i where i.unitId = :unit order by i.id")
    List<Object[]> idsAndNamesOfUnit(@Param("unit") Long unit);

    /** Id and code of a province's initiatives (for matching imported rows, without loading them). */
    @Query("select i.id, i.code from Initiative i where i.provinceId = :province")
    List<Object[]> idsAndCodesOfProvince(@Param("province") Long province);

    /**
     * The initiative, its row locked until the transaction ends: the writes that change its
     * registrations (register, renew, edit, discontinue, move, delete) take their turns on it instead of
     * failing each other, and each reads the registrations the previous one committed.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select i from Initiative i where i.id = :id")
    Optional<Initiative> lockById(@Param("id") Long id);

    /** As {@link #lockById}, for many at once, always in the order of their ids (no two writers wait on each other). */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select i from Initiative i where i.id in :ids order by i.id")
    List<Initiative> lockAllById(@Param("ids") Collection<Long> ids);

    @Query("select i.id from Initiative i where i.replicatedFromId = :pilot")
    List<Long> replicaIds(@Param("pilot") Long pilot);
}

package vn.dvk.initiative;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.util.List;
import java.util.Optional;

interface InitiativeRepository extends JpaRepository<Initiative, Long> {

    Optional<Initiative> findByProvinceIdAndCode(Long provinceId, String code);

    List<Initiative> findByReplicatedFromIdOrderBySortKey(Long pilotId);

    List<Initiative> findByUnitId(Long unitId);

    List<Initiative> findByCode(String code);

    List<Initiative> findByProvinceId(Long provinceId);

    @Query("select i.code from Initiative i where i.provinceId = :province and i.code in :codes")
    List<String> codesAmong(@Param("province") Long province, @Param("codes") java.util.Collection<String> codes);

    @Query("select i.id from Initiative i where i.replicatedFromId = :pilot")
    List<Long> replicaIds(@Param("pilot") Long pilot);
}

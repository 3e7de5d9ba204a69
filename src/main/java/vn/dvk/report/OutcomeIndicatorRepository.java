package vn.dvk.report;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.Optional;

interface OutcomeIndicatorRepository extends JpaRepository<OutcomeIndicator, Long> {

    List<OutcomeIndicator> findByUnitIdAndYearOrderByName(Long unitId, int year);

    Optional<OutcomeIndicator> findByUnitIdAndYearAndName(Long unitId, int year, String name);
}

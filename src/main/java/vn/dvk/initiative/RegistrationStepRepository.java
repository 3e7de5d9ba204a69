package vn.dvk.initiative;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.List;

interface RegistrationStepRepository extends JpaRepository<RegistrationStep, Long> {

    @Query("select s from RegistrationStep s where s.initiativeId = ?1 order by s.takenAt, s.id")
    List<RegistrationStep> timelineOf(Long initiativeId);

    /** The initiatives on which a decision was recorded (recognised, commended...). */
    @Query("select distinct s.initiativeId from RegistrationStep s where s.decisionId = ?1")
    List<Long> initiativesDecidedBy(Long decisionId);
}

package vn.dvk.workflow;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.time.LocalDate;
import java.util.List;
import org.springframework.data.domain.Pageable;

interface InspectionRepository extends JpaRepository<Inspection, Long> {

    @Query("select i from Inspection i order by i.visitedOn desc, i.id desc")
    List<Inspection> newestFirst(Pageable page);

    List<Inspection> findByInitiativeIdOrderByVisitedOnDesc(Long initiativeId);

    @Query("select distinct i from Inspection i join i.followUps f where f.doneOn is null and f.dueOn < ?1")
    List<Inspection> withOverdueFollowUps(LocalDate today);
}

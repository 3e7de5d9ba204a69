package vn.dvk.workflow;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.List;

interface CommendationProposalRepository extends JpaRepository<CommendationProposal, Long> {

    @Query("select p from CommendationProposal p where (?1 is null or p.year = ?1) order by p.proposedOn desc, p.id desc")
    List<CommendationProposal> findByYear(Integer year);
}

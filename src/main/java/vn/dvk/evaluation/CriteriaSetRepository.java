package vn.dvk.evaluation;

import org.springframework.data.jpa.repository.JpaRepository;

interface CriteriaSetRepository extends JpaRepository<CriteriaSet, Long> {
}

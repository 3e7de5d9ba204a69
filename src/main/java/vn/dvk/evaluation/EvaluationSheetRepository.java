package vn.dvk.evaluation;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.Optional;

interface EvaluationSheetRepository extends JpaRepository<EvaluationSheet, Long> {

    List<EvaluationSheet> findByInitiativeIdAndYearOrderById(Long initiativeId, int year);

    boolean existsBySetId(Long setId);

    Optional<EvaluationSheet> findByInitiativeIdAndYearAndEvaluator(Long initiativeId, int year, String evaluator);
}

package vn.dvk.exchange;

import org.springframework.stereotype.Component;
import vn.dvk.evaluation.CriterionView;
import vn.dvk.evaluation.Evaluations;
import vn.dvk.initiative.InitiativeRegistry;
import vn.dvk.initiative.InitiativeView;
import vn.dvk.initiative.WorkflowState;
import vn.dvk.report.OutcomeIndicators;
import vn.dvk.shared.FieldProblem;
import vn.dvk.shared.VietnameseText;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An evaluator's scores through the import pipeline: one row per initiative and year (its code, the
 * year, one column per criterion named as in the criteria set, and "Gửi" marked to submit the
 * sheet). The scores go to the importing user's own sheet, as on the evaluation page, with the same
 * rules (the initiative-year must await evaluation; no scoring one's own organisation); a row whose
 * sheet already holds those scores is unchanged.
 */
@Component
class ScoreImport extends RowImport {

    private static final String CODE = "CODE";
    private static final String YEAR = "YEAR";
    private static final String SUBMIT = "SUBMIT";
    private static final String CRITERION = "C:";
    private static final Map<String, String> FIXED = Map.of("ma", CODE, "ma mo hinh", CODE, "ma so", CODE, "nam", YEAR,
            "nam danh gia", YEAR, "gui", SUBMIT, "gui phieu", SUBMIT, "nop", SUBMIT);
    private static final Set<String> IGNORED = Set.of("stt", "tt", "ten", "ten mo hinh", "ten mo hinh dien hinh", "tong", "tong diem",
            "ghi chu", "dia ban");

    private final InitiativeRegistry registry;
    private final Evaluations evaluations;

    ScoreImport(InitiativeRegistry registry, Evaluations evaluations, ImportPipeline pipeline) {
        super(pipeline);
        this.registry = registry;
        this.evaluations = evaluations;
    }

    @Override
    public String auditType() {
        return "SCORE_IMPORT";
    }

    @Override
    public Map<String, Integer> locate(List<String> cells) {
        Map<String, Integer> found = new LinkedHashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            String folded = ImportPipeline.headerKey(cells.get(i));
            if (folded.isEmpty() || IGNORED.contains(folded)) {
                continue;
            }
            found.putIfAbsent(FIXED.getOrDefault(folded, CRITERION + cells.get(i).strip()), i);
        }
        boolean criteria = found.keySet().stream().anyMatch(k -> k.startsWith(CRITERION));
        return found.containsKey(CODE) && criteria ? found : Map.of();
    }

    @Override
    public String noHeaderKey() {
        return "import.scores.noHeader";
    }

    @Override
    public String header(String key) {
        return switch (key) {
            case CODE -> "Mã";
            case YEAR -> "Năm";
            case SUBMIT -> "Gửi";
            default -> key.startsWith(CRITERION) ? key.substring(CRITERION.length()) : key;
        };
    }

    /** A row without a year takes the import's year, else the one the title names ("BẢNG CHẤM ĐIỂM … NĂM 2023"). */
    @Override
    public Session start(Integer defaultYear, boolean write, ImportPipeline.Context context) {
        return (number, cells, problems) -> {
            String code = cells.get(CODE);
            if (code.isEmpty()) {
                problems.add(FieldProblem.cell(number, "Mã", "import.cell.required"));
                return null;
            }
            Integer year = yearOf(cells, YEAR, number, defaultYear, context, problems);
            if (!problems.isEmpty()) {
                return null;
            }
            if (year == null) {
                problems.add(FieldProblem.cell(number, "Năm", "import.cell.required"));
                return null;
            }
            List<InitiativeView> found = registry.findByCode(code);
            if (found.size() != 1) {
                problems.add(FieldProblem.cell(number, "Mã", found.isEmpty() ? "import.scores.unknownCode" : "import.scores.ambiguousCode",
                        code));
                return null;
            }
            InitiativeView initiative = found.get(0);
            final int registrationYear = year;
            if (initiative.registrations().stream().noneMatch(r -> r.year() == registrationYear)) {
                problems.add(FieldProblem.cell(number, "Mã", "import.scores.notOpen", initiative.name(), year));
                return null;
            }
            Evaluations.Board board = evaluations.board(initiative.id(), year);
            if (board.state() != WorkflowState.SUBMITTED) {
                problems.add(FieldProblem.cell(number, "Mã", "import.scores.notOpen", initiative.name(), year));
                return null;
            }
            if (!board.mayScore()) {
                problems.add(FieldProblem.cell(number, "Mã", "import.scores.mayNotScore", initiative.name()));
                return null;
            }
            Map<String, CriterionView> byName = new HashMap<>();
            board.set().criteria().forEach(c -> byName.put(VietnameseText.fold(c.name()), c));
            Map<Long, BigDecimal> scores = new LinkedHashMap<>();
            for (String key : cellsKeys(cells)) {
                String column = key.substring(CRITERION.length());
                CriterionView criterion = byName.get(VietnameseText.fold(column));
                String typed = cells.get(key);
                if (criterion == null) {
                    if (!typed.isEmpty()) {
                        problems.add(FieldProblem.cell(number, column, "import.scores.unknownCriterion", column, board.set().name()));
                    }
                    continue;
                }
                if (typed.isEmpty()) {
                    continue;
                }
                BigDecimal value = OutcomeIndicators.number(typed);
                if (value == null) {
                    problems.add(FieldProblem.cell(number, column, "outcome.number", typed));
                } else if (value.signum() < 0 || value.compareTo(criterion.maxScore()) > 0) {
                    problems.add(FieldProblem.cell(number, column, "import.scores.range", typed, criterion.maxScore()));
                } else {
                    scores.put(criterion.id(), value);
                }
            }
            if (!problems.isEmpty()) {
                return null;
            }
            boolean submit = Set.of("x", "co", "1", "yes", "true").contains(VietnameseText.fold(cells.get(SUBMIT)));
            var mine = board.mine();
            boolean same = mine != null && sameScores(mine.scores(), scores) && (!submit || "SUBMITTED".equals(mine.state()));
            ImportPipeline.Action action = action(mine == null, !same);
            if (!same) {
                evaluations.score(initiative.id(), year, scores, submit, mine == null ? null : mine.version());
            }
            return new ImportPipeline.Line(number, action, initiative.code(), initiative.name(), initiative.unitName(),
                    submit ? List.of("gửi phiếu") : List.of());
        };
    }

    /** The criterion columns of the header (the cells know them through the pipeline's column map). */
    private static List<String> cellsKeys(ImportPipeline.Cells cells) {
        return cells.keys().stream().filter(k -> k.startsWith(CRITERION)).toList();
    }

    private static boolean sameScores(Map<Long, BigDecimal> before, Map<Long, BigDecimal> after) {
        if (before == null || before.size() != after.size()) {
            return false;
        }
        for (var entry : after.entrySet()) {
            BigDecimal old = before.get(entry.getKey());
            if (old == null || old.compareTo(entry.getValue()) != 0) {
                return false;
            }
        }
        return true;
    }
}

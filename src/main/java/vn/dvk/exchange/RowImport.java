package vn.dvk.exchange;

import vn.dvk.shared.FieldProblem;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What every kind of file shares around its rows: it runs through the {@link ImportPipeline} (which reads the
 * workbook, finds the header, loops the rows collecting each one's problems, and previews or commits with an audit
 * entry), its header cells are compared folded, and a row's year is as typed, else the import's, else the title's.
 * A kind of file says only how its header is named and how one row is checked and written.
 */
abstract class RowImport implements ImportPipeline.RowHandler {

    final ImportPipeline pipeline;

    RowImport(ImportPipeline pipeline) {
        this.pipeline = pipeline;
    }

    /** Runs the import: {@code write} false is the preview; {@code goodRowsOnly} writes the rows without problems. */
    ImportPipeline.Report run(byte[] content, String fileName, Integer year, boolean write, boolean goodRowsOnly,
                              ImportJobs.Progress progress) {
        return pipeline.run(this, content, fileName, year, write, goodRowsOnly, progress);
    }

    /** Where each column is, by the key its title (folded, brackets left out) stands for; the first column of a key wins. */
    static Map<String, Integer> located(List<String> cells, Map<String, String> keysOfTitles) {
        Map<String, Integer> found = new HashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            String key = keysOfTitles.get(ImportPipeline.headerKey(cells.get(i)));
            if (key != null) {
                found.putIfAbsent(key, i);
            }
        }
        return found;
    }

    /**
     * The year of a row: as typed in the column of {@code key}, else the import's, else the one the title names
     * ("… NĂM 2023"); null when none, or when the typed one is not a year (the problem added).
     */
    static Integer yearOf(ImportPipeline.Cells cells, String key, long row, Integer defaultYear, ImportPipeline.Context context,
                          List<FieldProblem> problems) {
        int before = problems.size();
        Integer typed = cells.year(key, row, problems);
        if (problems.size() > before) {
            return null;
        }
        return context.yearOf(typed, defaultYear, cells.header(key));
    }

    /** What writing a row did: created when nothing was there, else updated or unchanged. */
    static ImportPipeline.Action action(boolean created, boolean changed) {
        return created ? ImportPipeline.Action.CREATE : changed ? ImportPipeline.Action.UPDATE : ImportPipeline.Action.UNCHANGED;
    }
}

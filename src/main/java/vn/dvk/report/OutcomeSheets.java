package vn.dvk.report;

/**
 * A sheet of outcome indicators brought in from the report page or its API, all or nothing: read by the
 * exchange module's import path, the one way spreadsheets come in (so both pages know the same headers);
 * the report module keeps only the answer its page and API give.
 */
public interface OutcomeSheets {

    /** What importing the sheet did, row by row. */
    record Imported(int created, int updated, int unchanged) {
    }

    /**
     * Checks every row, then writes them all, or none when any row has a problem (422 naming each row and column);
     * importing the same file again changes nothing.
     */
    Imported importAll(byte[] content, String fileName);
}

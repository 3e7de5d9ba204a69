package vn.dvk;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real reference files in ../shared/data (see its README). A user's clone has no ../shared,
 * so tests that need them are skipped there, saying why.
 */
public final class SharedData {

    public static final Path ROOT = Path.of("..", "shared", "data");
    public static final Path GSO_LIST = ROOT.resolve("vn-admin-units/pre-2025/gso-export-2025-01-04/Xa_2025-01-04.csv");
    public static final Path CONVERSION_TABLE =
            ROOT.resolve("vn-admin-units/mapping-2025/nso-official/BangChuyendoiĐVHCmoi_cu_khong_merge.csv");

    private SharedData() {
    }

    /** The file, or the test is skipped with the reason. */
    public static Path require(Path file) {
        Assumptions.assumeTrue(Files.isRegularFile(file),
                () -> "Skipped: " + file + " is absent (the reference data lives in ../shared/data beside the project)");
        return file;
    }
}

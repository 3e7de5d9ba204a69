package vn.dvk.initiative;

/** The rating an evaluation gives (xếp loại). */
public enum Rating {
    /** Xuất sắc. */
    EXCELLENT,
    /** Tốt. */
    GOOD,
    /** Đạt. */
    PASS,
    /** Không đạt. */
    FAIL
}

package vn.dvk.workflow;

/** The forms of commendation (hình thức khen thưởng) a proposal may ask for. */
public enum Award {
    /** Giấy khen: decided by a district or commune People's Committee or a party committee. */
    GIAY_KHEN,
    /** Bằng khen: decided by the chair of the provincial People's Committee, or a ministry. */
    BANG_KHEN,
    /** Cờ thi đua. */
    CO_THI_DUA,
    /** Bằng khen của Thủ tướng Chính phủ. */
    BANG_KHEN_THU_TUONG,
    /** Huân chương Lao động. */
    HUAN_CHUONG_LAO_DONG
}

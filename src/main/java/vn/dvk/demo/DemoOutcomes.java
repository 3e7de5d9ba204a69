package vn.dvk.demo;

import vn.dvk.report.OutcomeIndicators.Input;

import java.util.List;

/** The outcome indicators of the demo facts: Yên Mỹ (Hưng Yên) for 2020 and Kỳ Sơn (Hòa Bình) for 2019. */
final class DemoOutcomes {

    static final List<Input> ALL = List.of(
            new Input("327", 2020, "Giá trị sản xuất", "tỷ đồng", "49776", null),
            new Input("327", 2020, "Thu nhập bình quân đầu người", "triệu đồng/năm", "81,6", null),
            new Input("327", 2020, "Thu ngân sách trên địa bàn", "tỷ đồng", "547,44", null),
            new Input("327", 2020, "Tỷ lệ tăng dân số tự nhiên", "%", "0,98", null),
            new Input("327", 2020, "Xã, thị trấn đạt Bộ tiêu chí quốc gia về y tế", "xã, thị trấn", "17", "17/17 xã, thị trấn"),
            new Input("327", 2020, "Huyện đạt chuẩn nông thôn mới (năm 2019)", null, null,
                    "Quyết định số 1585/QĐ-TTg ngày 14/10/2020 của Thủ tướng Chính phủ"),
            new Input("151", 2019, "Dự án đầu tư được cấp phép", "dự án", "100", "trên 100 dự án"),
            new Input("151", 2019, "Xã đạt chuẩn nông thôn mới", "xã", "4", "4/9 xã"),
            new Input("151", 2019, "Thu nhập bình quân đầu người", "triệu đồng/năm", "47,5", null),
            new Input("151", 2019, "Tỷ lệ hộ nghèo", "%", "6,24", null));

    private DemoOutcomes() {
    }
}

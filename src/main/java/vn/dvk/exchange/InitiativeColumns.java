package vn.dvk.exchange;

import vn.dvk.shared.VietnameseText;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The columns of the initiative workbook: the template, every export and the import share them, so
 * an export edited and imported again round-trips. A header is recognised by its words, without
 * regard to diacritics, case or the order of extra words ("Tên mô hình/điển hình" or "TÊN MÔ HÌNH").
 */
enum InitiativeColumns {
    CODE("Mã", "ma", "ma so", "ma mo hinh"),
    NAME("Tên mô hình, điển hình", "ten mo hinh", "ten mo hinh dien hinh", "ten", "ten dien hinh", "mo hinh dien hinh",
            "mo hinh dien hinh tieu bieu", "ten mo hinh dien hinh tieu bieu"),
    KIND("Loại (Mô hình/Điển hình)", "loai", "loai mo hinh dien hinh", "loai hinh"),
    HOLDER("Tập thể/Cá nhân", "tap the ca nhan", "doi tuong", "tap the hay ca nhan"),
    SECTOR("Lĩnh vực", "linh vuc", "linh vuc hoat dong", "linh vuc thuc hien"),
    PROVINCE("Tỉnh/Thành phố", "tinh", "tinh thanh pho", "tinh tp"),
    DISTRICT("Huyện/Quận/Thị xã", "huyen", "huyen quan", "huyen quan thi xa", "quan huyen"),
    COMMUNE("Xã/Phường/Thị trấn", "xa", "xa phuong", "xa phuong thi tran", "dia ban", "dia ban xa", "dia ban thuc hien"),
    RESPONSIBLE("Người phụ trách", "nguoi phu trach", "can bo phu trach", "can bo phu trach theo doi"),
    START_YEAR("Năm bắt đầu", "nam bat dau", "nam xay dung"),
    YEAR("Năm đăng ký", "nam dang ky", "nam"),
    STATUS("Đăng ký (Mới/Duy trì)", "dang ky", "hinh thuc dang ky", "moi duy tri", "dang ky moi duy tri"),
    ETHNIC_MINORITY("Vùng đồng bào DTTS (x)", "vung dong bao dtts", "dtts", "vung dan toc thieu so"),
    RELIGIOUS("Vùng đồng bào tôn giáo (x)", "vung dong bao ton giao", "ton giao", "vung ton giao"),
    FEATURED("Tiêu biểu (x)", "tieu bieu"),
    DESCRIPTION("Mô tả", "mo ta", "noi dung", "noi dung mo hinh"),
    METHOD("Cách làm", "cach lam", "cach thuc thuc hien"),
    RESULTS("Kết quả", "ket qua", "hieu qua", "ket qua dat duoc");

    final String header;
    private final List<String> aliases;

    InitiativeColumns(String header, String... aliases) {
        this.header = header;
        this.aliases = new ArrayList<>(List.of(aliases));
        this.aliases.add(VietnameseText.fold(header));
    }

    static List<String> headers() {
        return Arrays.stream(values()).map(c -> c.header).toList();
    }

    /** The column a header names, or null. */
    static InitiativeColumns of(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String key = ImportPipeline.headerKey(header);
        String full = VietnameseText.fold(header);
        for (InitiativeColumns column : values()) {
            for (String alias : column.aliases) {
                if (alias.equals(key) || alias.equals(full)) {
                    return column;
                }
            }
        }
        return null;
    }

    /** The header of the column a problem of a field names (the initiative's name when no column holds the field). */
    static String headerOf(String field) {
        return switch (field == null ? "" : field) {
            case "code" -> CODE.header;
            case "kind" -> KIND.header;
            case "holder" -> HOLDER.header;
            case "sector" -> SECTOR.header;
            case "unitCode", "unitId" -> COMMUNE.header;
            case "startYear" -> START_YEAR.header;
            case "description" -> DESCRIPTION.header;
            case "method" -> METHOD.header;
            case "results" -> RESULTS.header;
            case "responsibleOfficer" -> RESPONSIBLE.header;
            case "year" -> YEAR.header;
            default -> NAME.header;
        };
    }
}

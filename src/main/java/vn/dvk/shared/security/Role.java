package vn.dvk.shared.security;

/** What a user may do; a user may hold several roles. */
public enum Role {
    /** Quản trị hệ thống: manages users, reference data and configuration everywhere. */
    ADMIN,
    /** Ủy viên Ban Thường vụ / thành viên hội đồng: approves recognition and commendation at their level. */
    COMMITTEE_MEMBER,
    /** Cán bộ Ban Dân vận: manages, inspects and evaluates inside their scope. */
    MOBILISATION_OFFICER,
    /** Cán bộ nhập liệu của đơn vị: registers and edits their own organisation's initiatives. */
    UNIT_EDITOR,
    /** Người xem: reads inside their scope. */
    VIEWER;

    public String authority() {
        return "ROLE_" + name();
    }
}

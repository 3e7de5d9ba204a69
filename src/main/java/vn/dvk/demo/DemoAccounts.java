package vn.dvk.demo;

import vn.dvk.shared.security.Role;

import java.util.List;
import java.util.Set;

/** The demo's documented accounts, one per role, for the demo districts (listed in the README). */
final class DemoAccounts {

    /** Demo data only: a real installation never has a fixed password. */
    static final String PASSWORD = "DanVanKheo2025";

    record Account(String username, String displayName, Role role, String unitKey, String organisationKey) {
    }

    static final List<Account> ALL = List.of(
            new Account("quantri.demo", "Quản trị hệ thống (demo)", Role.ADMIN, null, null),
            new Account("btv.damrong", "Ủy viên Ban Thường vụ Huyện ủy Đam Rông", Role.COMMITTEE_MEMBER, "674", "d674-btv"),
            new Account("bdv.damrong", "Cán bộ Ban Dân vận Huyện ủy Đam Rông", Role.MOBILISATION_OFFICER, "674", "d674-bdv"),
            new Account("bdv.lamdong", "Cán bộ Ban Dân vận Tỉnh ủy Lâm Đồng", Role.MOBILISATION_OFFICER, "68", "p68-bdv"),
            new Account("xa.philieng", "Cán bộ UBND xã Phi Liêng", Role.UNIT_EDITOR, "24886", "c24886-ubnd"),
            new Account("xem.lucyen", "Cán bộ Ban Dân vận Huyện ủy Lục Yên (xem)", Role.VIEWER, "135", "d135-bdv"),
            // today's structure (from 1 July 2025): the province steers, the communes run the movement
            new Account("btgdv.lamdong", "Cán bộ Ban Tuyên giáo và Dân vận Tỉnh ủy Lâm Đồng", Role.MOBILISATION_OFFICER, "68",
                    "p68-btgdv"),
            new Account("btv.lamdong", "Ủy viên Ban Thường vụ Tỉnh ủy Lâm Đồng", Role.COMMITTEE_MEMBER, "68", "p68-btv"),
            new Account("xa.damrong1", "Cán bộ UBND xã Đam Rông 1", Role.UNIT_EDITOR, "24886@2025-07-01", "n24886-ubnd"));

    private DemoAccounts() {
    }

    static Set<Role> roles(Account account) {
        return Set.of(account.role());
    }
}

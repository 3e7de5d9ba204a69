package vn.dvk.initiative;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.dvk.shared.VietnameseText;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A national-scale synthetic registry for benchmarks: on the real communes of today's structure
 * (import the 2025 conversion table first), {@code dvk.synthetic.initiatives} initiatives (default
 * 500,000) with about six yearly registrations each over 2016–2025 (about 3 million rows). Written
 * with batched JDBC, not through the registry, so it bypasses the audit trail: it is test data.
 * Run with the Spring profile "synthetic"; it does nothing when synthetic data is already there.
 */
@Component
@Profile("synthetic")
@Order(50)
class SyntheticData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SyntheticData.class);
    static final String CODE_PREFIX = "SYN-";
    private static final int BATCH = 5_000;
    private static final int FIRST_YEAR = 2016;
    private static final int LAST_YEAR = 2025;
    /** The secondary indexes of the tables the generator fills (as the migrations create them), rebuilt after an H2 load. */
    static final List<String[]> BULK_INDEXES = List.of(
            new String[] {"ix_initiative_unit_sort", "create index ix_initiative_unit_sort on initiative (unit_id, sort_key)"},
            new String[] {"ix_initiative_organisation", "create index ix_initiative_organisation on initiative (organisation_id)"},
            new String[] {"ix_initiative_replicated_from", "create index ix_initiative_replicated_from on initiative (replicated_from_id)"},
            new String[] {"ix_initiative_sort", "create index ix_initiative_sort on initiative (sort_key)"},
            new String[] {"ix_initiative_province_sector",
                    "create index ix_initiative_province_sector on initiative (province_id, sector, sort_key, id)"},
            new String[] {"ix_initiative_province_sort", "create index ix_initiative_province_sort on initiative (province_id, sort_key, id)"},
            new String[] {"ix_registration_year", "create index ix_registration_year on registration (reg_year, initiative_id)"},
            new String[] {"ix_registration_state", "create index ix_registration_state on registration (province_id, reg_year, workflow_state)"},
            new String[] {"ix_registration_province_year",
                    "create index ix_registration_province_year on registration (province_id, reg_year, sector)"},
            new String[] {"ix_registration_unit_year", "create index ix_registration_unit_year on registration (unit_id, reg_year)"},
            new String[] {"ix_registration_workflow_state",
                    "create index ix_registration_workflow_state on registration (workflow_state, province_id)"},
            new String[] {"ix_initiative_word_initiative", "create index ix_initiative_word_initiative on initiative_word (initiative_id)"});

    private static final String[] SECTORS = {"ECONOMY", "CULTURE_SOCIETY", "DEFENCE_SECURITY", "POLITICAL_SYSTEM", "NEW_RURAL"};
    private static final int[] SECTOR_WEIGHTS = {22, 55, 11, 4, 8};
    private static final String[] THEMES = {"Mô hình trồng rau an toàn", "Tổ hợp tác chăn nuôi", "Khu dân cư văn hóa",
            "Đường hoa nông thôn", "Tổ an ninh tự quản", "Chi bộ trong sạch vững mạnh", "Hiến đất làm đường",
            "Mái ấm tình thương", "Câu lạc bộ dân ca", "Phân loại rác tại nguồn", "Tiết kiệm vay vốn xoay vòng",
            "Dòng họ học tập", "Camera an ninh cộng đồng", "Vườn mẫu nông thôn mới", "Đồng thuận giải phóng mặt bằng",
            "Tuyến đường sáng xanh sạch đẹp", "Nuôi ong lấy mật", "Trồng cây ăn quả", "Giúp nhau thoát nghèo",
            "Nhà văn hóa tự quản", "Không có trẻ em bỏ học", "Hòa giải ở cơ sở", "Chống rác thải nhựa", "Nước sạch vùng cao"};

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final RegistrationTally tally;
    private final SearchIndex index;
    private final int count;
    private final Clock clock;

    SyntheticData(JdbcTemplate jdbc, PlatformTransactionManager transactions, RegistrationTally tally, SearchIndex index,
                  @Value("${dvk.synthetic.initiatives:500000}") int count, Clock clock) {
        this.clock = clock;
        this.tally = tally;
        this.index = index;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
        this.count = count;
    }

    private record Commune(long id, long provinceId, String provinceCode, String locality) {
    }

    @Override
    public void run(ApplicationArguments args) {
        if (communes().size() < 1000) {
            log.warn("Synthetic data skipped: it needs today's communes; import the 2025 conversion table "
                    + "(Bảng chuyển đổi ĐVHC) and start again with the profile 'synthetic'");
            return;
        }
        generate();
    }

    void generate() {
        Long existing = jdbc.queryForObject("select count(*) from initiative where code like 'SYN-%'", Long.class);
        if (existing != null && existing > 0) {
            log.info("Synthetic data already present: {} initiatives", existing);
            return;
        }
        List<Commune> communes = communes();
        long started = System.nanoTime();
        boolean h2 = DatabaseProduct.isH2(jdbc);
        if (h2) {
            // H2 copies every touched index page at each commit: load without the secondary indexes
            // and the word table's key, then build each once, in order.
            BULK_INDEXES.forEach(index -> jdbc.execute("drop index if exists " + index[0]));
            jdbc.execute("alter table initiative_word drop primary key");
        }
        long firstInitiative = reserve("initiative", count);
        long firstRegistration = reserve("registration", count * (long) (LAST_YEAR - FIRST_YEAR + 1));
        Random random = new Random(42);
        Timestamp now = Timestamp.from(clock.instant());
        List<Object[]> initiatives = new ArrayList<>(BATCH);
        List<Object[]> registrations = new ArrayList<>(BATCH * 7);
        List<Object[]> words = new ArrayList<>(BATCH * 12);
        long registrationId = firstRegistration;
        for (int n = 0; n < count; n++) {
            Commune commune = communes.get(random.nextInt(communes.size()));
            String sector = SECTORS[weighted(random)];
            String name = THEMES[random.nextInt(THEMES.length)] + " thôn " + (1 + random.nextInt(25)) + " " + commune.locality();
            int start = FIRST_YEAR - 4 + random.nextInt(LAST_YEAR - FIRST_YEAR + 1);
            boolean exemplar = random.nextInt(10) == 0;
            long id = firstInitiative + n;
            String code = CODE_PREFIX + commune.provinceCode() + "-" + id;
            String searchKey = " " + VietnameseText.fold(name + " " + code) + " ";
            String kind = exemplar ? "EXEMPLAR" : "MODEL";
            String holder = exemplar && random.nextBoolean() ? "INDIVIDUAL" : "COLLECTIVE";
            boolean ethnic = random.nextInt(5) == 0;
            boolean religious = random.nextInt(40) == 0;
            boolean featured = random.nextInt(15) == 0;
            initiatives.add(new Object[] {id, code, commune.provinceId(), name, kind, holder, sector, commune.id(),
                    start, ethnic, religious, featured, searchKey, VietnameseText.sortKey(name), now});
            for (String word : InitiativeWords.words(searchKey)) {
                words.add(new Object[] {word, id});
            }
            int years = 4 + random.nextInt(8);
            for (int year = Math.max(start, FIRST_YEAR), k = 0; year <= LAST_YEAR && k < years; year++, k++) {
                registrations.add(new Object[] {registrationId++, id, year, year == start ? "NEW" : "MAINTAINED",
                        commune.provinceId(), commune.id(), sector, kind, holder, featured, ethnic, religious});
            }
            if (initiatives.size() == BATCH) {
                flush(initiatives, registrations, words);
                if ((n + 1) % 100_000 == 0) {
                    log.info("Synthetic data: {} initiatives written", n + 1);
                }
            }
        }
        flush(initiatives, registrations, words);
        if (h2) {
            log.info("Synthetic data: building the indexes");
            jdbc.execute("alter table initiative_word add primary key (word, initiative_id)");
            BULK_INDEXES.forEach(index -> jdbc.execute(index[1]));
            jdbc.execute("checkpoint");
        }
        transactions.executeWithoutResult(status -> tally.rebuild());
        // written around the change log: the search's word index is built again from the tables
        index.rebuild();
        Long rows = jdbc.queryForObject("select count(*) from registration", Long.class);
        log.info("Synthetic data: {} initiatives and {} registrations in all, in {} s", count, rows,
                (System.nanoTime() - started) / 1_000_000_000);
    }

    /** One transaction per batch: H2 otherwise commits (and copies index pages for) every row. */
    private void flush(List<Object[]> initiatives, List<Object[]> registrations, List<Object[]> words) {
        transactions.executeWithoutResult(status -> write(initiatives, registrations, words));
        initiatives.clear();
        registrations.clear();
        words.clear();
    }

    private void write(List<Object[]> initiatives, List<Object[]> registrations, List<Object[]> words) {
        jdbc.batchUpdate("insert into initiative (id, code, province_id, name, kind, holder, sector, unit_id, start_year,"
                + " ethnic_minority, religious, featured, search_key, sort_key, created_at, version)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)", initiatives);
        jdbc.batchUpdate("insert into registration (id, initiative_id, reg_year, status, province_id, unit_id, sector,"
                + " kind, holder, featured, ethnic_minority, religious, workflow_state, version)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'DRAFT', 0)", registrations);
        jdbc.batchUpdate("insert into initiative_word (word, initiative_id) values (?, ?)", words);
    }

    private List<Commune> communes() {
        return jdbc.query("""
                select c.id, p.id as province_id, p.code as province_code, c.full_name, p.full_name as province_name
                from unit_tree c join unit_tree p on p.id = c.parent_id
                where c.level = 'COMMUNE' and c.valid_from = date '2025-07-01' and c.valid_to is null""",
                (rs, n) -> new Commune(rs.getLong("id"), rs.getLong("province_id"), rs.getString("province_code"),
                        rs.getString("full_name") + " " + rs.getString("province_name")));
    }

    /** Takes a block of ids past the sequence's current value and moves the sequence beyond it. */
    private long reserve(String table, long size) {
        Long max = jdbc.queryForObject("select coalesce(max(id), 0) from " + table, Long.class);
        long first = (max == null ? 0 : max) + 1_000;
        long next = first + size + 1_000;
        if (DatabaseProduct.isPostgres(jdbc)) {
            jdbc.queryForObject("select setval('" + table + "_seq', ?)", Long.class, next);
        } else {
            jdbc.execute("alter sequence " + table + "_seq restart with " + next);
        }
        return first;
    }

    private static int weighted(Random random) {
        int roll = random.nextInt(100);
        for (int k = 0; k < SECTOR_WEIGHTS.length; k++) {
            roll -= SECTOR_WEIGHTS[k];
            if (roll < 0) {
                return k;
            }
        }
        return 0;
    }
}

package vn.dvk.initiative;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.dvk.DvkIntegrationTest;

import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How an import takes the codes of its new initiatives: while a long import is still running, an officer creating an
 * initiative in the same province gets a code at once (the load test saw creations wait for a 5,000-row import), and
 * no code is ever given twice, even when the import fails afterwards; a preview moves no counter.
 */
@DvkIntegrationTest
class CodeNumberingTests {

    @Autowired
    CodeNumbering numbering;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    JdbcTemplate jdbc;

    Long province;

    @BeforeEach
    void lamDong() {
        province = jdbc.queryForObject("select id from admin_unit where level = 'PROVINCE' and code = '68' and valid_to is null",
                Long.class);
    }

    @Test
    void aCreationDuringARunningImportOfTheProvinceGetsItsCodeAtOnceAndNoCodeIsGivenTwice() throws Exception {
        CodeNumbering.Need three = new CodeNumbering.Need("68", 3);
        CountDownLatch reserved = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Deque<String>> importing = pool.submit(() -> new TransactionTemplate(transactions).execute(status -> {
                Deque<String> codes = numbering.reserveApart(Map.of(province, three)).get(province);
                reserved.countDown();
                try {
                    release.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                status.setRollbackOnly(); // the import is refused at its end
                return codes;
            }));
            assertThat(reserved.await(60, TimeUnit.SECONDS)).as("the import took its codes").isTrue();
            // the import's transaction is still open: the officer's creation must not wait for it
            Future<String> single = pool.submit(() -> new TransactionTemplate(transactions)
                    .execute(status -> numbering.next(province, "68")));
            String created = single.get(10, TimeUnit.SECONDS);
            release.countDown();
            List<String> imported = new ArrayList<>(importing.get(60, TimeUnit.SECONDS));
            assertThat(imported).hasSize(3).doesNotHaveDuplicates().doesNotContain(created)
                    .allMatch(code -> code.matches("DVK-68-\\d{5}"));
            // the failed import leaves a gap, never a number to give again
            String next = new TransactionTemplate(transactions).execute(status -> numbering.next(province, "68"));
            int highest = imported.stream().mapToInt(CodeNumberingTests::number).max().orElseThrow();
            assertThat(number(next)).isGreaterThan(highest).isGreaterThan(number(created));
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void aPreviewCountsOnAcrossItsBatchesAndMovesNoCounter() {
        int before = counter();
        List<String> codes = new ArrayList<>();
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            codes.addAll(numbering.provisional(Map.of(province, new CodeNumbering.Need("68", 2))).get(province));
            codes.addAll(numbering.provisional(Map.of(province, new CodeNumbering.Need("68", 2))).get(province));
            status.setRollbackOnly();
        });
        assertThat(codes).hasSize(4).doesNotHaveDuplicates();
        assertThat(codes.stream().mapToInt(CodeNumberingTests::number).min().orElseThrow()).isGreaterThan(before);
        assertThat(counter()).as("the counter after the preview").isEqualTo(before);
    }

    @Test
    void numbersTypedByHandAreSkippedByAPreviewAnImportAndASingleCreation() {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            int at = counter();
            List<Long> ids = jdbc.queryForList("select id from initiative where province_id = ? order by id", Long.class, province);
            // two initiatives of the province typed by hand with numbers the counter has not reached
            List<String> byHand = List.of("DVK-68-%05d".formatted(at + 1), "DVK-68-%05d".formatted(at + 3));
            jdbc.update("update initiative set code = ? where id = ?", byHand.get(0), ids.get(0));
            jdbc.update("update initiative set code = ? where id = ?", byHand.get(1), ids.get(1));
            List<String> previewed = new ArrayList<>(numbering.provisional(Map.of(province, new CodeNumbering.Need("68", 3)))
                    .get(province));
            List<String> imported = new ArrayList<>(numbering.reserveApart(Map.of(province, new CodeNumbering.Need("68", 3)))
                    .get(province));
            String single = numbering.next(province, "68");
            assertThat(previewed).as("previewed").hasSize(3).doesNotHaveDuplicates().doesNotContainAnyElementsOf(byHand);
            assertThat(imported).as("imported").hasSize(3).doesNotHaveDuplicates().doesNotContainAnyElementsOf(byHand);
            assertThat(number(imported.get(0))).isEqualTo(at + 2);
            assertThat(single).isNotIn(byHand).isNotIn(imported);
            status.setRollbackOnly();
        });
    }

    private int counter() {
        List<Integer> values = jdbc.queryForList("select last_value from initiative_code_counter where province_id = ?",
                Integer.class, province);
        return values.isEmpty() ? 0 : values.get(0);
    }

    private static int number(String code) {
        return Integer.parseInt(code.substring(code.lastIndexOf('-') + 1));
    }
}

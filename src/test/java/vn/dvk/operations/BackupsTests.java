package vn.dvk.operations;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.web.servlet.MockMvc;
import vn.dvk.DvkIntegrationTest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.hamcrest.Matchers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@DvkIntegrationTest
class BackupsTests {

    @Autowired
    MockMvc mvc;

    @Test
    void anEmbeddedDatabaseAndItsAttachmentsAreBackedUpWhileOpenAndRestoreToTheSameRowsAndFiles(@TempDir Path work) throws Exception {
        Path files = work.resolve("files");
        Files.createDirectories(files.resolve("ab/cd"));
        Files.writeString(files.resolve("ab/cd/abcd1234-anh-mo-hinh"), "ảnh mô hình", StandardCharsets.UTF_8);
        Files.write(files.resolve("ab/cd/abcd5678-bien-ban"), new byte[] {1, 2, 3, 4, 5});
        DriverManagerDataSource live = h2(work.resolve("live/dvk"));
        JdbcTemplate jdbc = new JdbcTemplate(live);
        jdbc.execute("create table registration (id bigint primary key, name varchar(200))");
        for (int i = 1; i <= 250; i++) {
            jdbc.update("insert into registration values (?, ?)", i, "Mô hình dân vận khéo số " + i);
        }
        // the database stays open and in use, as DVK's is
        try (var open = live.getConnection()) {
            Backups.Backup backup = Backups.backUp(live, files, work.resolve("backups/20261130-120000"));
            jdbc.update("insert into registration values (?, ?)", 251, "ghi sau khi sao lưu");

            assertThat(backup.fileCount()).isEqualTo(2);
            assertThat(backup.databaseBytes()).isPositive();
            Path restored = work.resolve("restored");
            unzip(Path.of(backup.directory(), "dvk-db.zip"), restored);
            unzip(Path.of(backup.directory(), "files.zip"), restored.resolve("files"));

            JdbcTemplate back = new JdbcTemplate(h2(restored.resolve("dvk")));
            assertThat(back.queryForObject("select count(*) from registration", Long.class)).isEqualTo(250);
            assertThat(back.queryForObject("select name from registration where id = 250", String.class))
                    .isEqualTo("Mô hình dân vận khéo số 250");
            assertThat(Files.readString(restored.resolve("files/ab/cd/abcd1234-anh-mo-hinh"), StandardCharsets.UTF_8))
                    .isEqualTo("ảnh mô hình");
            assertThat(Files.readAllBytes(restored.resolve("files/ab/cd/abcd5678-bien-ban"))).containsExactly(1, 2, 3, 4, 5);
            back.execute("shutdown");
            assertThat(open.isClosed()).isFalse();
        }
    }

    @Test
    void onlyAnAdministratorBacksUpAndAnInMemoryDatabaseIsSaidToHaveNothingToBackUp() throws Exception {
        mvc.perform(post("/api/v1/admin/backups").with(httpBasic(DvkIntegrationTest.LAM_DONG_OFFICER, DvkIntegrationTest.DEMO_PASSWORD)))
                .andExpect(status().isForbidden());
        // the tests run on an in-memory H2 (or PostgreSQL in CI's second run): neither is backed up from inside DVK
        mvc.perform(post("/api/v1/admin/backups").with(httpBasic(DvkIntegrationTest.ADMIN, DvkIntegrationTest.DEMO_PASSWORD)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(Matchers.anyOf(
                        Matchers.startsWith("Cơ sở dữ liệu đang ở trong bộ nhớ"),
                        Matchers.startsWith("DVK chạy trên PostgreSQL"))));
    }

    private static DriverManagerDataSource h2(Path database) {
        return new DriverManagerDataSource("jdbc:h2:file:" + database + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", "dvk", "");
    }

    private static void unzip(Path zip, Path into) throws IOException {
        try (InputStream in = Files.newInputStream(zip); ZipInputStream archive = new ZipInputStream(in)) {
            for (ZipEntry entry = archive.getNextEntry(); entry != null; entry = archive.getNextEntry()) {
                Path file = into.resolve(entry.getName()).normalize();
                assertThat(file.startsWith(into)).as("%s stays inside", entry.getName()).isTrue();
                Files.createDirectories(file.getParent());
                Files.copy(archive, file);
            }
        }
    }
}

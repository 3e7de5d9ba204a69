package vn.dvk;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The whole application with its database (in-memory H2, or PostgreSQL under the postgres
 * profile) and the demo data, shared by every full-stack test so the context starts once.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@AutoConfigureMockMvc
public @interface DvkIntegrationTest {

    /** The demo's system administrator (see DemoAccounts): use with {@code @WithUserDetails}. */
    String ADMIN = "quantri.demo";
    String DAM_RONG_OFFICER = "bdv.damrong";
    String DAM_RONG_COMMITTEE = "btv.damrong";
    String LAM_DONG_OFFICER = "bdv.lamdong";
    String PHI_LIENG_EDITOR = "xa.philieng";
    String LUC_YEN_VIEWER = "xem.lucyen";
    String DEMO_PASSWORD = "DanVanKheo2025";
}

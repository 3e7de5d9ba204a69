package vn.dvk.shared;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import vn.dvk.DvkIntegrationTest;
import vn.dvk.Logins;
import vn.dvk.identity.UserDirectory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** An English page names sectors, kinds, holders and statuses in English, including the public portal's. */
@DvkIntegrationTest
class EnglishLabelsTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDirectory directory;

    private String page(String path, String user) throws Exception {
        var request = get(path).param("lang", "en");
        if (user != null) {
            request = request.with(Logins.as(directory, user));
        }
        return mvc.perform(request).andReturn().getResponse().getContentAsString();
    }

    @Test
    void theRegistryInEnglishNamesSectorsKindsAndStatusesInEnglish() throws Exception {
        String list = page("/initiatives?unit=674&year=2021", DvkIntegrationTest.DAM_RONG_OFFICER);
        assertThat(list).contains(">Economy<", ">New<").doesNotContain(">Kinh tế<", ">Mới<", ">Mô hình<", ">Tập thể<");
    }

    @Test
    void thePublicGalleryInEnglishNamesSectorsInEnglish() throws Exception {
        String gallery = page("/cong-khai/mo-hinh", null);
        assertThat(gallery).contains(">Economy<").doesNotContain(">Kinh tế<", ">Văn hóa - xã hội<");
    }
}

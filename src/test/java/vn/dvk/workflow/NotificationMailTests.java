package vn.dvk.workflow;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import vn.dvk.DvkIntegrationTest;
import vn.dvk.Logins;
import vn.dvk.identity.UserDirectory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * With a mail server configured, the submitter also gets the notification by e-mail, once the step
 * is committed (the mail server itself is replaced by a mock: nothing leaves the machine).
 */
@SpringBootTest
@AutoConfigureMockMvc
class NotificationMailTests {

    @MockitoBean
    JavaMailSender mail;
    @Autowired
    MockMvc mvc;
    @Autowired
    UserDirectory directory;

    private RequestPostProcessor as(String user) {
        return Logins.as(directory, user);
    }

    @Test
    void theSubmitterIsEmailedWhenTheirRecordIsReturned() throws Exception {
        mvc.perform(post("/account/email").with(as(DvkIntegrationTest.DAM_RONG_OFFICER)).with(csrf()).param("email", "khong-hop-le"))
                .andExpect(status().isOk());
        mvc.perform(post("/account/email").with(as(DvkIntegrationTest.DAM_RONG_OFFICER)).with(csrf())
                .param("email", "bdv.damrong@lamdong.dcs.vn")).andExpect(status().is3xxRedirection());
        Integer unitId = JsonPath.read(mvc.perform(get("/api/v1/admin-units/24886").param("on", "2021-01-01")
                .with(as(DvkIntegrationTest.ADMIN))).andReturn().getResponse().getContentAsString(), "$.id");
        String name = "Mô hình gửi thư thử nghiệm " + System.nanoTime();
        String body = mvc.perform(post("/api/v1/initiatives").with(as(DvkIntegrationTest.DAM_RONG_OFFICER)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"name": "%s", "kind": "MODEL", "holder": "COLLECTIVE", "sector": "ECONOMY", "unitId": %d,
                         "startYear": 2024}""".formatted(name, unitId))).andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(body, "$.id")).longValue();
        mvc.perform(post("/api/v1/initiatives/" + id + "/registrations").with(as(DvkIntegrationTest.DAM_RONG_OFFICER)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"year\": 2024, \"status\": \"NEW\"}"));
        mvc.perform(post("/api/v1/initiatives/" + id + "/years/2024/submit").with(as(DvkIntegrationTest.DAM_RONG_OFFICER))
                .with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{}"));
        mvc.perform(post("/api/v1/initiatives/" + id + "/years/2024/return").with(as(DvkIntegrationTest.DAM_RONG_COMMITTEE))
                .with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"Bổ sung ảnh\"}"))
                .andExpect(status().isOk());
        ArgumentCaptor<SimpleMailMessage> sent = ArgumentCaptor.forClass(SimpleMailMessage.class);
        verify(mail, timeout(5000)).send(sent.capture());
        assertThat(sent.getValue().getTo()).containsExactly("bdv.damrong@lamdong.dcs.vn");
        assertThat(sent.getValue().getText()).contains(name, "Trả lại để bổ sung", "Bổ sung ảnh");
    }
}

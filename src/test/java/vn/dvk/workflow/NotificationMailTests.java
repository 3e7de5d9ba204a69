package vn.dvk.workflow;

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
import vn.dvk.DvkIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.dvk.InitiativeFixture.PHI_LIENG_2021;
import static vn.dvk.InitiativeFixture.anInitiative;
import static vn.dvk.Logins.as;

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

    @Test
    void theSubmitterIsEmailedWhenTheirRecordIsReturned() throws Exception {
        mvc.perform(post("/account/email").with(as(DvkIntegrationTest.DAM_RONG_OFFICER)).with(csrf()).param("email", "khong-hop-le"))
                .andExpect(status().isOk());
        mvc.perform(post("/account/email").with(as(DvkIntegrationTest.DAM_RONG_OFFICER)).with(csrf())
                .param("email", "bdv.damrong@lamdong.dcs.vn")).andExpect(status().is3xxRedirection());
        String name = "Mô hình gửi thư thử nghiệm " + System.nanoTime();
        long id = anInitiative(name).in(PHI_LIENG_2021).registeredFor(2024).by(DvkIntegrationTest.DAM_RONG_OFFICER).submitted()
                .create(mvc);
        mvc.perform(post("/api/v1/initiatives/" + id + "/years/2024/return").with(as(DvkIntegrationTest.DAM_RONG_COMMITTEE))
                .with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"Bổ sung ảnh\"}"))
                .andExpect(status().isOk());
        ArgumentCaptor<SimpleMailMessage> sent = ArgumentCaptor.forClass(SimpleMailMessage.class);
        verify(mail, timeout(5000)).send(sent.capture());
        assertThat(sent.getValue().getTo()).containsExactly("bdv.damrong@lamdong.dcs.vn");
        assertThat(sent.getValue().getText()).contains(name, "Trả lại để bổ sung", "Bổ sung ảnh");
    }
}

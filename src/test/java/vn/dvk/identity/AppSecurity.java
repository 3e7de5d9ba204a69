package vn.dvk.identity;

import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.transaction.support.TransactionTemplate;
import vn.dvk.shared.web.ProblemMessages;
import vn.dvk.shared.validation.Inputs;
import vn.dvk.shared.validation.Years;
import vn.dvk.shared.web.TimeConfig;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The application's own security (both filter chains, their problem answers and headers) for a
 * {@code @WebMvcTest} slice, so a slice is refused, answered and protected as the running app is.
 * Also the shared beans the app's problem answers need (messages, clock, input checks), which a
 * slice does not scan. The accounts and tokens behind it are mocks: slices log in with {@code @WithMockUser} or
 * {@code user(...)}, never through the database.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Import({SecurityConfig.class, ProblemMessages.class, TimeConfig.class, Inputs.class, Years.class})
@MockitoBean(types = {ApiTokenRepository.class, UserAccountRepository.class, UserDirectory.class, TransactionTemplate.class})
public @interface AppSecurity {
}

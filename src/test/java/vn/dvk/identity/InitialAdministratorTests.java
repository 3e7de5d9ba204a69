package vn.dvk.identity;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.mock.env.MockEnvironment;
import vn.dvk.shared.security.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class InitialAdministratorTests {

    final UserAccountRepository accounts = mock(UserAccountRepository.class);
    final UserAdministration administration = mock(UserAdministration.class);

    @Test
    void theDeploymentsVariablesNameTheFirstAdministrator() {
        when(accounts.count()).thenReturn(0L);
        when(administration.create(any())).thenReturn(new UserAdministration.Created(null, null));
        MockEnvironment environment = new MockEnvironment()
                .withProperty("DVK_ADMIN_USER", "quantri.tinh").withProperty("DVK_ADMIN_PASSWORD", "Lam Dong 2026 manh");
        new InitialAdministrator(accounts, administration, environment).run(null);
        ArgumentCaptor<UserDraft> draft = ArgumentCaptor.forClass(UserDraft.class);
        verify(administration).create(draft.capture());
        assertThat(draft.getValue().username()).isEqualTo("quantri.tinh");
        assertThat(draft.getValue().password()).isEqualTo("Lam Dong 2026 manh");
        assertThat(draft.getValue().roles()).containsExactly(Role.ADMIN);
    }

    @Test
    void withoutThemAPasswordIsGeneratedNeverAFixedOne() {
        when(accounts.count()).thenReturn(0L);
        when(administration.create(any())).thenReturn(new UserAdministration.Created(null, "generated"));
        new InitialAdministrator(accounts, administration, new MockEnvironment()).run(null);
        ArgumentCaptor<UserDraft> draft = ArgumentCaptor.forClass(UserDraft.class);
        verify(administration).create(draft.capture());
        assertThat(draft.getValue().username()).isEqualTo("admin");
        assertThat(draft.getValue().password()).isNull();
    }

    @Test
    void nothingIsCreatedOnceThereAreUsers() {
        when(accounts.count()).thenReturn(3L);
        new InitialAdministrator(accounts, administration, new MockEnvironment()).run(null);
        verify(administration, never()).create(any());
    }
}

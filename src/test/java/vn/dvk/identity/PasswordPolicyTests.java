package vn.dvk.identity;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import vn.dvk.shared.FieldProblem;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTests {

    @Test
    void aLongPasswordWithLettersAndDigitsPasses() {
        assertThat(PasswordPolicy.check("p", "Phi Lieng 2025 rau sach", "xa.philieng")).isEmpty();
    }

    @Test
    void shortOrOneKindOfCharacterOrNamedAfterTheUserFails() {
        assertThat(PasswordPolicy.check("p", "abc123", "u")).extracting(FieldProblem::messageKey).containsExactly("password.length");
        assertThat(PasswordPolicy.check("p", "onlyletterslong", "u")).extracting(FieldProblem::messageKey)
                .containsExactly("password.lettersAndDigits");
        assertThat(PasswordPolicy.check("p", "bdv.damrong2025", "bdv.damrong")).extracting(FieldProblem::messageKey)
                .containsExactly("password.containsUsername");
        assertThat(PasswordPolicy.check("p", "Password123", "u")).extracting(FieldProblem::messageKey)
                .containsExactly("password.common");
        assertThat(PasswordPolicy.check("p", null, "u")).extracting(FieldProblem::field).containsExactly("p");
    }

    @Test
    void generatedPasswordsMeetThePolicy() {
        for (int i = 0; i < 200; i++) {
            assertThat(PasswordPolicy.check("p", Passwords.generate(), "admin")).isEmpty();
        }
    }

    @Test
    void theFifthFailedLoginLocksForAQuarterOfAnHour() {
        var now = Instant.parse("2026-01-01T00:00:00Z");
        UserAccount account = new UserAccount("test", "Test", "x", now);
        for (int i = 0; i < 4; i++) {
            account.failedLogin(now);
        }
        assertThat(account.isLocked(now)).isFalse();
        account.failedLogin(now);
        assertThat(account.isLocked(now)).isTrue();
        assertThat(account.isLocked(now.plus(UserAccount.LOCKOUT))).isFalse();
        account.failedLogin(now);
        account.succeededLogin();
        assertThat(account.isLocked(now)).isFalse();
    }
}

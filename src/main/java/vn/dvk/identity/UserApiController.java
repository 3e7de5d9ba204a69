package vn.dvk.identity;

import vn.dvk.shared.web.Conflicts;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.dvk.shared.PageResponse;
import vn.dvk.shared.security.CurrentUser;
import vn.dvk.shared.security.Permissions;
import vn.dvk.shared.security.Role;
import vn.dvk.shared.web.ApiController;

import java.util.List;
import java.util.Map;
import java.util.Set;

@ApiController
@RequestMapping("/api/v1")
@Tag(name = "Users and tokens")
class UserApiController {

    private final UserAdministration users;
    private final MyAccount account;

    UserApiController(UserAdministration users, MyAccount account) {
        this.users = users;
        this.account = account;
    }

    record Me(Long id, String username, String displayName, Set<Role> roles, Long organisationId, boolean nationalScope,
              Long scopeUnitId) {
    }

    record TokenRequest(String name) {
    }

    record PasswordChange(String currentPassword, String newPassword, String repeatPassword, Boolean revokeTokens) {
    }

    @GetMapping("/me")
    @Operation(summary = "Who the caller is: roles, organisation and data scope")
    Me me() {
        CurrentUser user = CurrentUser.get().orElseThrow(Permissions::forbidden);
        return new Me(user.id(), user.getUsername(), user.displayName(), user.roles(), user.organisationId(),
                user.scope().national(), user.scope().national() ? null : user.scope().unitId());
    }

    @PostMapping("/me/password")
    @Operation(summary = "Change my password: my other sessions end; \"revokeTokens\": true also revokes all my API tokens")
    ResponseEntity<Void> changePassword(@RequestBody PasswordChange change) {
        account.changePassword(change.currentPassword(), change.newPassword(),
                change.repeatPassword() == null ? change.newPassword() : change.repeatPassword(),
                Boolean.TRUE.equals(change.revokeTokens()));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/me/tokens")
    List<MyAccount.TokenView> tokens() {
        return account.myTokens();
    }

    @PostMapping("/me/tokens")
    @Operation(summary = "Issue a personal API token; the secret is in the answer once and never again. Only with a "
            + "password (session or HTTP Basic): a token cannot mint tokens (403)")
    ResponseEntity<Map<String, Object>> issue(@RequestBody TokenRequest request) {
        MyAccount.IssuedToken issued = account.issueToken(request.name());
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("token", issued.token(), "secret", issued.secret()));
    }

    @DeleteMapping("/me/tokens/{id}")
    ResponseEntity<Void> revoke(@PathVariable Long id) {
        account.revokeToken(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/users")
    @Operation(summary = "Users (system administrators only)")
    PageResponse<UserView> users(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
                                 @RequestParam(required = false) Integer size) {
        return PageResponse.of(users.search(q, page, PageResponse.size(size)), v -> v);
    }

    @GetMapping("/users/{id}")
    UserView user(@PathVariable Long id) {
        return users.get(id);
    }

    @PostMapping("/users")
    @Operation(summary = "Create a user; without a password one is generated and returned once")
    ResponseEntity<UserAdministration.Created> create(@RequestBody UserDraft draft) {
        return ResponseEntity.status(HttpStatus.CREATED).body(users.create(draft));
    }

    @PutMapping("/users/{id}")
    UserView update(@PathVariable Long id, @RequestBody UserDraft draft) {
        return Conflicts.withCurrent(() -> users.update(id, draft), () -> user(id));
    }

    @PostMapping("/users/{id}/reset-password")
    Map<String, String> reset(@PathVariable Long id) {
        return Map.of("generatedPassword", users.resetPassword(id));
    }
}

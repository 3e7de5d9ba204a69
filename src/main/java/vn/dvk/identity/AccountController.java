package vn.dvk.identity;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.dvk.shared.DomainException;


/** The user's own account: password and personal API tokens. */
@Controller
@RequestMapping("/account")
class AccountController {

    private static final String PASSWORD = "identity/password";
    private static final String TOKENS = "identity/tokens";

    private final MyAccount account;

    AccountController(MyAccount account) {
        this.account = account;
    }

    @GetMapping("/password")
    String passwordForm(@RequestParam(required = false) String required, Model model) {
        model.addAttribute("required", required != null || account.mustChangePassword());
        return PASSWORD;
    }

    @PostMapping("/password")
    String changePassword(@RequestParam(defaultValue = "") String currentPassword,
                          @RequestParam(defaultValue = "") String newPassword,
                          @RequestParam(defaultValue = "") String repeatPassword,
                          @RequestParam(defaultValue = "false") boolean revokeTokens, Model model, RedirectAttributes redirect) {
        try {
            account.changePassword(currentPassword, newPassword, repeatPassword, revokeTokens);
            redirect.addFlashAttribute("passwordChanged", true);
            return "redirect:/";
        } catch (DomainException e) {
            model.addAttribute("error", e);
            model.addAttribute("fieldErrors", e.problemsByField());
            model.addAttribute("revokeTokens", revokeTokens);
            return PASSWORD;
        }
    }

    @GetMapping("/email")
    String emailForm(Model model) {
        model.addAttribute("email", account.email());
        return "identity/email";
    }

    @PostMapping("/email")
    String changeEmail(@RequestParam(defaultValue = "") String email, Model model, RedirectAttributes redirect) {
        try {
            account.changeEmail(email);
            redirect.addFlashAttribute("saved", true);
            return "redirect:/account/email";
        } catch (DomainException e) {
            model.addAttribute("error", e);
            model.addAttribute("fieldErrors", e.problemsByField());
            model.addAttribute("email", email);
            return "identity/email";
        }
    }

    @GetMapping("/tokens")
    String tokens(Model model) {
        model.addAttribute("tokens", account.myTokens());
        return TOKENS;
    }

    @PostMapping("/tokens")
    String issue(@RequestParam(defaultValue = "") String name, Model model) {
        try {
            model.addAttribute("issued", account.issueToken(name));
        } catch (DomainException e) {
            model.addAttribute("error", e);
            model.addAttribute("fieldErrors", e.problemsByField());
        }
        model.addAttribute("tokens", account.myTokens());
        return TOKENS;
    }

    @PostMapping("/tokens/{id}/revoke")
    String revoke(@PathVariable Long id, RedirectAttributes redirect) {
        account.revokeToken(id);
        redirect.addFlashAttribute("revoked", true);
        return "redirect:/account/tokens";
    }
}

package vn.dvk.identity;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.dvk.shared.DomainException;
import vn.dvk.shared.security.Role;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The administrator's user pages: list, create, edit roles and scope, disable, reset the password. */
@Controller
@RequestMapping("/admin/users")
class UserAdminController {

    private static final String LIST = "identity/users";
    private static final String FORM = "identity/userForm";

    private final UserAdministration users;

    UserAdminController(UserAdministration users) {
        this.users = users;
    }

    /**
     * What the form binds (by its constructor): never the id. Enabled absent counts as ticked; the
     * form's unticked box still sends its marker (_enabled), bound as false.
     */
    record Form(String username, String displayName, Long organisationId, String unitCode, Long unitId, Set<Role> roles,
                String password, Boolean enabled, Long version) {

        Form {
            roles = roles == null ? EnumSet.noneOf(Role.class) : roles;
            enabled = enabled == null || enabled;
        }

        static Form blank() {
            return new Form(null, null, null, null, null, null, null, null, null);
        }

        UserDraft draft() {
            return new UserDraft(username, displayName, organisationId, unitCode, unitId, roles, password, enabled, version);
        }
    }

    @InitBinder("form")
    void forbidId(WebDataBinder binder) {
        binder.setDisallowedFields("id");
    }

    @ModelAttribute("allRoles")
    Role[] roles() {
        return Role.values();
    }

    @GetMapping
    String list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("page", users.search(q, page, 50));
        return LIST;
    }

    @GetMapping("/moves")
    String moves(Model model) {
        model.addAttribute("stranded", users.stranded());
        return "identity/moves";
    }

    /** Moves the ticked accounts ("move" = their ids) to the units typed in "unit-{id}", in one action. */
    @PostMapping("/moves")
    String move(@RequestParam(name = "move", required = false) List<Long> ids, @RequestParam Map<String, String> params,
                Model model, RedirectAttributes redirect) {
        Map<Long, String> targets = new LinkedHashMap<>();
        (ids == null ? List.<Long>of() : ids).forEach(id -> targets.put(id, params.getOrDefault("unit-" + id, "")));
        try {
            redirect.addFlashAttribute("movedCount", users.moveAccounts(targets));
            return "redirect:/admin/users/moves";
        } catch (DomainException e) {
            model.addAttribute("fieldErrors", e.problemsByField());
            model.addAttribute("error", e);
            model.addAttribute("stranded", users.stranded());
            model.addAttribute("typed", params);
            return "identity/moves";
        }
    }

    @GetMapping("/new")
    String createForm(Model model) {
        model.addAttribute("form", Form.blank());
        return FORM;
    }

    @PostMapping("/new")
    String create(@ModelAttribute("form") Form form, Model model, RedirectAttributes redirect) {
        try {
            UserAdministration.Created created = users.create(form.draft());
            redirect.addFlashAttribute("generatedPassword", created.generatedPassword());
            redirect.addFlashAttribute("saved", true);
            return "redirect:/admin/users/" + created.user().id();
        } catch (DomainException e) {
            return refused(e, model);
        }
    }

    @GetMapping("/{id}")
    String editForm(@PathVariable Long id, Model model) {
        UserView user = users.get(id);
        Form form = new Form(user.username(), user.displayName(), user.organisationId(),
                user.unitId() == null ? null : unitCode(user), user.unitId(),
                user.roles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(user.roles()), null, user.enabled(), user.version());
        model.addAttribute("user", user);
        model.addAttribute("form", form);
        return FORM;
    }

    @PostMapping("/{id}")
    String edit(@PathVariable Long id, @ModelAttribute("form") Form form, Model model, RedirectAttributes redirect,
                HttpServletRequest request) {
        try {
            users.update(id, form.draft());
            if (request.getSession(false) == null) {
                // their own roles or unit changed: this session was ended with the others (UserSessions)
                return "redirect:/login?rolesChanged";
            }
            redirect.addFlashAttribute("saved", true);
            return "redirect:/admin/users/" + id;
        } catch (DomainException e) {
            model.addAttribute("user", users.get(id));
            return refused(e, model);
        }
    }

    @PostMapping("/{id}/reset-password")
    String resetPassword(@PathVariable Long id, RedirectAttributes redirect) {
        redirect.addFlashAttribute("generatedPassword", users.resetPassword(id));
        return "redirect:/admin/users/" + id;
    }

    private String unitCode(UserView user) {
        return users.unitCodeOf(user.unitId());
    }

    private String refused(DomainException e, Model model) {
        model.addAttribute("error", e);
        model.addAttribute("fieldErrors", e.problemsByField());
        return FORM;
    }
}

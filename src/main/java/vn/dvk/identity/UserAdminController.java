package vn.dvk.identity;

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

    /** What the form binds: never the id. */
    static final class Form {
        private String username;
        private String displayName;
        private Long organisationId;
        private String unitCode;
        private Long unitId;
        private Set<Role> roles = EnumSet.noneOf(Role.class);
        private String password;
        private boolean enabled = true;
        private Long version;

        UserDraft draft() {
            return new UserDraft(username, displayName, organisationId, unitCode, unitId, roles, password, enabled, version);
        }

        public String getUsername() { return username; }
        public void setUsername(String username) { this.username = username; }
        public String getDisplayName() { return displayName; }
        public void setDisplayName(String displayName) { this.displayName = displayName; }
        public Long getOrganisationId() { return organisationId; }
        public void setOrganisationId(Long organisationId) { this.organisationId = organisationId; }
        public String getUnitCode() { return unitCode; }
        public void setUnitCode(String unitCode) { this.unitCode = unitCode; }
        public Long getUnitId() { return unitId; }
        public void setUnitId(Long unitId) { this.unitId = unitId; }
        public Set<Role> getRoles() { return roles; }
        public void setRoles(Set<Role> roles) { this.roles = roles == null ? EnumSet.noneOf(Role.class) : roles; }
        public String getPassword() { return password; }
        public void setPassword(String password) { this.password = password; }
        public boolean isEnabled() { return enabled; }
        public void setEnabled(boolean enabled) { this.enabled = enabled; }
        public Long getVersion() { return version; }
        public void setVersion(Long version) { this.version = version; }
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
        Map<Long, String> targets = new java.util.LinkedHashMap<>();
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
        model.addAttribute("form", new Form());
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
        Form form = new Form();
        form.username = user.username();
        form.displayName = user.displayName();
        form.organisationId = user.organisationId();
        form.unitCode = user.unitId() == null ? null : unitCode(user);
        form.unitId = user.unitId();
        form.roles = user.roles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(user.roles());
        form.enabled = user.enabled();
        form.version = user.version();
        model.addAttribute("user", user);
        model.addAttribute("form", form);
        return FORM;
    }

    @PostMapping("/{id}")
    String edit(@PathVariable Long id, @ModelAttribute("form") Form form, Model model, RedirectAttributes redirect) {
        try {
            users.update(id, form.draft());
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

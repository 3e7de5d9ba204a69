package vn.dvk.audit;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.dvk.shared.AuditEvent;

import java.time.LocalDate;
import java.time.ZoneId;
import vn.dvk.shared.VietnamTime;

/** The audit trail page: entries inside the reader's scope, filtered; administrators verify the chain. */
@Controller
@RequestMapping("/audit")
class AuditController {

    static final ZoneId VIETNAM = VietnamTime.ZONE;

    private final AuditTrail trail;

    AuditController(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping
    String list(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
                @RequestParam(required = false) String objectType,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                @RequestParam(defaultValue = "0") int page, Model model) {
        var query = new AuditTrail.Query(actor, action, objectType,
                from == null ? null : from.atStartOfDay(VIETNAM).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(VIETNAM).toInstant());
        model.addAttribute("page", trail.search(query, page, 50));
        model.addAttribute("actions", AuditEvent.Action.values());
        model.addAttribute("actor", actor);
        model.addAttribute("action", action);
        model.addAttribute("objectType", objectType);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("zone", VIETNAM);
        return "audit/list";
    }

    @PostMapping("/verify")
    String verify(Model model) {
        model.addAttribute("verification", trail.verify());
        return "audit/verify";
    }
}

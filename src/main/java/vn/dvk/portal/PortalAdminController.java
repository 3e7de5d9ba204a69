package vn.dvk.portal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.dvk.shared.web.FlashProblem;
import vn.dvk.initiative.InitiativeRegistry;
import vn.dvk.shared.DomainException;

/** The officers' side of the portal: listing an initiative, writing and publishing its stories, moderating feedback. */
@Controller
class PortalAdminController {

    private static final String PAGE = "portal/manage";

    private final Stories stories;
    private final Feedbacks feedbacks;
    private final InitiativeRegistry registry;

    PortalAdminController(Stories stories, Feedbacks feedbacks, InitiativeRegistry registry) {
        this.stories = stories;
        this.feedbacks = feedbacks;
        this.registry = registry;
    }

    @GetMapping("/initiatives/{id}/portal")
    String manage(@PathVariable long id, @RequestParam(required = false) Long edit, Model model) {
        model.addAttribute("initiative", registry.get(id));
        model.addAttribute("listed", stories.listed(id));
        model.addAttribute("visible", stories.visible(id));
        model.addAttribute("slug", stories.slug(id).orElse(null));
        model.addAttribute("stories", stories.of(id));
        if (!model.containsAttribute("draft")) {
            Stories.StoryView editing = edit == null ? null : stories.get(edit);
            model.addAttribute("editing", editing);
            model.addAttribute("draft", editing == null ? new Stories.StoryDraft("", "", "", null)
                    : new Stories.StoryDraft(editing.title(), editing.lead(), editing.body(), editing.version()));
        }
        return PAGE;
    }

    @PostMapping("/initiatives/{id}/portal/list")
    String list(@PathVariable long id, @RequestParam boolean listed) {
        stories.list(id, listed);
        return "redirect:/initiatives/" + id + "/portal";
    }

    @PostMapping("/initiatives/{id}/portal/stories")
    String save(@PathVariable long id, @RequestParam(required = false) Long storyId, @RequestParam String title,
                @RequestParam(required = false) String lead, @RequestParam(required = false) String body,
                @RequestParam(required = false) Long version, @RequestParam(defaultValue = "save") String action, Model model,
                RedirectAttributes redirect) {
        Stories.StoryDraft draft = new Stories.StoryDraft(title, lead, body, version);
        try {
            Stories.StoryView saved = stories.save(id, storyId, draft);
            if ("publish".equals(action)) {
                stories.publish(saved.id(), true);
            }
            redirect.addAttribute("edit", saved.id());
            return "redirect:/initiatives/" + id + "/portal" + ("preview".equals(action) ? "/stories/" + saved.id() + "/preview" : "");
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.FORBIDDEN || e.kind() == DomainException.Kind.NOT_FOUND) {
                throw e;
            }
            model.addAttribute("error", e);
            model.addAttribute("draft", draft);
            model.addAttribute("editing", storyId == null ? null : stories.get(storyId));
            return manage(id, storyId, model);
        }
    }

    @PostMapping("/initiatives/{id}/portal/stories/{storyId}/publish")
    String publish(@PathVariable long id, @PathVariable long storyId, @RequestParam boolean publish, Model model) {
        try {
            stories.publish(storyId, publish);
            return "redirect:/initiatives/" + id + "/portal";
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.FORBIDDEN || e.kind() == DomainException.Kind.NOT_FOUND) {
                throw e;
            }
            model.addAttribute("error", e);
            return manage(id, storyId, model);
        }
    }

    /** The story as the public will see it, before it is published. */
    @GetMapping("/initiatives/{id}/portal/stories/{storyId}/preview")
    String preview(@PathVariable long id, @PathVariable long storyId, Model model) {
        Stories.StoryView story = stories.get(storyId);
        if (story.initiativeId() != id) {
            throw DomainException.notFound("story.notFound", storyId);
        }
        model.addAttribute("story", story);
        model.addAttribute("initiative", registry.get(id));
        return "portal/preview";
    }

    @GetMapping("/portal/feedback")
    String feedback(@RequestParam(required = false) String state, Model model) {
        model.addAttribute("items", feedbacks.inScope(state == null || state.isBlank() ? null : state, 500));
        model.addAttribute("counts", feedbacks.counts());
        model.addAttribute("state", state);
        return "portal/feedback";
    }

    @PostMapping("/portal/feedback/{id}")
    String moderate(@PathVariable long id, @RequestParam(required = false) String answer, @RequestParam Feedbacks.State state,
                    @RequestParam Long version, RedirectAttributes redirect) {
        try {
            feedbacks.moderate(id, answer, state, version);
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.FORBIDDEN || e.kind() == DomainException.Kind.NOT_FOUND) {
                throw e;
            }
            FlashProblem.put(redirect, e);
            // the answer typed is shown again in its box, not lost with the refusal
            redirect.addFlashAttribute("typedFor", id);
            redirect.addFlashAttribute("typedAnswer", answer);
        }
        return "redirect:/portal/feedback";
    }
}

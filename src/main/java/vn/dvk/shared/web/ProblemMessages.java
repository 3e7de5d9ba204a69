package vn.dvk.shared.web;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import vn.dvk.shared.FieldProblem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Resolves message keys in the caller's language, and field or row problems to the API's error items. */
@Component
public class ProblemMessages {

    private final MessageSource messages;

    ProblemMessages(MessageSource messages) {
        this.messages = messages;
    }

    public String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

    /** For filters, which run before the dispatcher has set the request's locale. */
    public String text(Locale locale, String key) {
        return messages.getMessage(key, null, key, locale);
    }

    /** {"field": ...} or {"row": 12, "column": "Lĩnh vực"}, with "message". */
    public Map<String, Object> item(FieldProblem problem) {
        Map<String, Object> item = new LinkedHashMap<>();
        if (problem.field() != null) {
            item.put("field", problem.field());
        }
        if (problem.row() != null) {
            item.put("row", problem.row());
        }
        if (problem.column() != null) {
            item.put("column", problem.column());
        }
        item.put("message", text(problem.messageKey(), problem.args()));
        return item;
    }

    public List<Map<String, Object>> items(List<FieldProblem> problems) {
        return problems.stream().map(this::item).toList();
    }
}

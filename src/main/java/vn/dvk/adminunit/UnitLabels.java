package vn.dvk.adminunit;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives every page the unit picker's labels ({@code unitLabels.display(value, year)}): a value held as
 * a code shows as the unit's name with its parents. Without the unit registry (a web slice), values
 * show as they are.
 */
@ControllerAdvice
public class UnitLabels {

    private final ObjectProvider<AdminUnits> units;

    UnitLabels(ObjectProvider<AdminUnits> units) {
        this.units = units;
    }

    @ModelAttribute("unitLabels")
    UnitLabels labels() {
        return this;
    }

    /** The label a picker shows for a value (a code, or text as typed) in a year. */
    public String display(Object value, Object year) {
        AdminUnits registry = units.getIfAvailable();
        String shown = registry == null ? null : registry.display(value, year);
        return shown != null ? shown : value == null ? "" : value.toString();
    }
}

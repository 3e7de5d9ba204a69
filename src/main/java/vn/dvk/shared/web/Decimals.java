package vn.dvk.shared.web;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;

/**
 * Scores and measured values on pages, in the reader's language ("85,5" in Vietnamese, "85.5" in
 * English): {@code ${@decimals.format(x)}} to read, {@code ${@decimals.input(x)}} as a field's value.
 */
@Component("decimals")
public class Decimals {

    private static final int MAX_FRACTION = 2;

    public String format(Number value) {
        if (value == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getNumberInstance(LocaleContextHolder.getLocale());
        format.setMinimumFractionDigits(0);
        format.setMaximumFractionDigits(MAX_FRACTION);
        return format.format(value);
    }

    /** Without grouping, so the field reads back as the same number. */
    public String input(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof String text) {
            return text;
        }
        DecimalFormat format = new DecimalFormat("0.##", DecimalFormatSymbols.getInstance(LocaleContextHolder.getLocale()));
        return format.format(value instanceof BigDecimal b ? b : new BigDecimal(value.toString()));
    }
}

package vn.dvk.shared;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.support.ResourceBundleMessageSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** A year is never written "2.027" or "2,027": not in a validation message, not in either language. */
class YearMessagesTests {

    /** Messages whose arguments are all years. */
    private static final String[] YEAR_KEYS = {"initiative.startYearRange", "import.cell.yearRange", "proposal.yearRange",
            "report.year", "outcome.year", "plan.yearOutside", "portal.since", "initiatives.discontinuedFrom",
            "initiative.registeredAfterDiscontinuation"};

    /** A bare placeholder right after a word that announces a year. */
    private static final Pattern BARE_YEAR = Pattern.compile("(?i)(năm|year|since|từ năm|for) \\{\\d}");

    @ParameterizedTest
    @ValueSource(strings = {"vi-VN", "en-GB"})
    void yearsInMessagesHaveNoThousandsSeparator(String language) {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        Locale locale = Locale.forLanguageTag(language);
        for (String key : YEAR_KEYS) {
            String text = messages.getMessage(key, new Object[] {1945, 2027}, locale);
            assertThat(text).as(key).doesNotContain("1.945", "1,945", "2.027", "2,027").containsAnyOf("1945", "2027");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"messages.properties", "messages_en.properties"})
    void everyPlaceholderAfterTheWordYearIsFormattedWithoutGrouping(String file) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(file)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        properties.forEach((key, text) -> assertThat(BARE_YEAR.matcher((String) text).find())
                .as("%s=%s should format its year as {n,number,#}", key, text).isFalse());
    }
}

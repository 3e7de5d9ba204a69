package vn.dvk.shared.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;
import org.thymeleaf.expression.Temporals;
import vn.dvk.shared.VietnamTime;

import java.time.Clock;
import java.util.Set;

/**
 * The clock every module asks for today's date, in Hanoi's zone, and {@code #temporals} in templates
 * formatting instants in that zone too (Thymeleaf's own formats them in UTC).
 */
@Configuration(proxyBeanMethods = false)
public class TimeConfig {

    @Bean
    Clock clock() {
        return Clock.system(VietnamTime.ZONE);
    }

    @Bean
    VietnamTemporalsDialect vietnamTemporalsDialect() {
        return new VietnamTemporalsDialect();
    }

    /** Added after the standard dialect, so its {@code #temporals} wins. */
    static final class VietnamTemporalsDialect extends AbstractDialect implements IExpressionObjectDialect {

        private static final String TEMPORALS = "temporals";

        VietnamTemporalsDialect() {
            super("dvk-temporals");
        }

        @Override
        public IExpressionObjectFactory getExpressionObjectFactory() {
            return new IExpressionObjectFactory() {
                @Override
                public Set<String> getAllExpressionObjectNames() {
                    return Set.of(TEMPORALS);
                }

                @Override
                public Object buildObject(IExpressionContext context, String name) {
                    return TEMPORALS.equals(name) ? new Temporals(context.getLocale(), VietnamTime.ZONE) : null;
                }

                @Override
                public boolean isCacheable(String name) {
                    return true;
                }
            };
        }
    }
}

package vn.dvk.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import vn.dvk.shared.DecimalText;

/** Vietnamese by default, English on request (?lang=en), remembered in a cookie, so nodes stay stateless. */
@Configuration(proxyBeanMethods = false)
class WebConfig implements WebMvcConfigurer {

    private final ProblemMessages messages;

    WebConfig(ProblemMessages messages) {
        this.messages = messages;
    }

    static final Locale VIETNAMESE = Locale.forLanguageTag("vi-VN");

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new SupportedLocaleResolver("DVK_LANG");
        resolver.setDefaultLocale(VIETNAMESE);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        return resolver;
    }

    /** A decimal parameter reads "8,5" and "8.5" alike, whatever the language of the browser that sent it. */
    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverter(String.class, BigDecimal.class, DecimalText::parse);
    }

    /** After the controller advice, before Spring's defaults: /api/** errors no handler saw are problem details too. */
    @Override
    public void extendHandlerExceptionResolvers(List<HandlerExceptionResolver> resolvers) {
        resolvers.add(Math.min(1, resolvers.size()), new ApiProblemResolver(messages));
    }

    /**
     * Static files only under their own paths (spring.web.resources.add-mappings=false turns off Boot's "/**").
     * Every link a page writes goes through the resource URL encoding (which gives /webjars/… their
     * version); with a catch-all static pattern each link to a page ("/initiatives?…") was looked up as a
     * file in four classpath folders first — 2,000 links made the report of a big province take seconds.
     */
    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/webjars/**").addResourceLocations("classpath:/META-INF/resources/webjars/")
                .resourceChain(true).addResolver(new LiteWebJarsResourceResolver());
        registry.addResourceHandler("/css/**").addResourceLocations("classpath:/static/css/");
        registry.addResourceHandler("/js/**").addResourceLocations("classpath:/static/js/");
        registry.addResourceHandler("/favicon.ico", "/favicon.svg").addResourceLocations("classpath:/static/");
        // the field app's service worker sits at the root so that its scope is the whole site; browsers
        // check it for updates themselves, so it is never kept by the HTTP cache
        registry.addResourceHandler("/sw.js").addResourceLocations("classpath:/static/").setCacheControl(CacheControl.noCache());
        registry.addResourceHandler("/icons/**").addResourceLocations("classpath:/static/icons/");
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
        interceptor.setParamName("lang");
        interceptor.setIgnoreInvalidLocale(true);
        registry.addInterceptor(interceptor);
    }

    /** Keeps only the two languages DVK speaks; anything else falls back to Vietnamese. */
    static final class SupportedLocaleResolver extends CookieLocaleResolver {

        SupportedLocaleResolver(String cookieName) {
            super(cookieName);
        }

        @Override
        public void setLocale(HttpServletRequest request,
                              HttpServletResponse response, Locale locale) {
            super.setLocale(request, response, supported(locale));
        }

        @Override
        public Locale resolveLocale(HttpServletRequest request) {
            return supported(super.resolveLocale(request));
        }

        private static Locale supported(Locale locale) {
            if (locale != null && "en".equals(locale.getLanguage())) {
                return Locale.forLanguageTag("en-GB");
            }
            return VIETNAMESE;
        }
    }
}

package vn.dvk.shared.web;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;
import vn.dvk.shared.validation.Inputs;

import java.lang.reflect.Type;

/**
 * Every JSON body sent to the API is checked against the constraints of its record (lengths of the
 * columns, years, precision) as soon as it is read, before any service sees it: a refusal is a 422
 * problem naming each field. Services check the same records again for pages and imports.
 */
@ControllerAdvice(annotations = ApiController.class)
class ValidatedBodies extends RequestBodyAdviceAdapter {

    private final Inputs inputs;

    ValidatedBodies(Inputs inputs) {
        this.inputs = inputs;
    }

    @Override
    public boolean supports(MethodParameter parameter, Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object afterBodyRead(Object body, HttpInputMessage inputMessage, MethodParameter parameter, Type targetType,
                                Class<? extends HttpMessageConverter<?>> converterType) {
        inputs.check(body);
        return body;
    }
}

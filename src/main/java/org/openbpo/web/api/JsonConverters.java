package org.openbpo.web.api;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.AbstractJackson2HttpMessageConverter;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

/**
 * One JSON converter: Jackson 3, configured once by Spring Boot. Jackson 2 is on the class path only
 * because libraries bring it along, and Spring MVC would register a second JSON converter for it;
 * every answer's content negotiation then asks both whether they can write the answer's type
 * (about one and a half per cent of an API request's CPU) although the first always wins.
 */
@Configuration(proxyBeanMethods = false)
class JsonConverters implements WebMvcConfigurer {

    @Override
    @SuppressWarnings("removal")
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        if (converters.stream().anyMatch(JacksonJsonHttpMessageConverter.class::isInstance)) {
            converters.removeIf(AbstractJackson2HttpMessageConverter.class::isInstance);
        }
    }
}

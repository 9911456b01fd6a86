package io.firstpin.platform.web;

import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/** Reads request bodies with Boot's JSON mapper, keeping values that do not fit their field for one full answer. */
@Configuration(proxyBeanMethods = false)
class JsonReading implements WebMvcConfigurer {

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        converters.replaceAll(converter -> converter.getClass() == JacksonJsonHttpMessageConverter.class
                ? new Collecting(((JacksonJsonHttpMessageConverter) converter).getMapper()) : converter);
    }

    private static final class Collecting extends JacksonJsonHttpMessageConverter {

        Collecting(JsonMapper mapper) {
            super(mapper);
        }

        @Override
        protected ObjectReader customizeReader(ObjectReader reader, JavaType javaType) {
            return super.customizeReader(reader, javaType).withHandler(UnreadableValues.recorder());
        }
    }
}

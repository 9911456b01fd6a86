package io.firstpin.testing;

import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Points every test application context at a fresh database of the {@link TestDatabase} under test, and gives its
 * MockMvc requests the session cookie jar ({@link MockMvcSessionCookies}) and their flash attributes
 * ({@link MockMvcFlashAttributes}).
 */
public class TestDatabaseContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        return new FreshDatabase();
    }

    private static final class FreshDatabase implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            if (context.getEnvironment().getPropertySources().contains("firstpinTestDatabase")) {
                return;
            }
            Map<String, Object> properties = TestDatabase.current().newDatabase();
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("firstpinTestDatabase", properties));
            context.getBeanFactory().registerSingleton("mockMvcSessionCookies", new MockMvcSessionCookies());
            context.getBeanFactory().registerSingleton("mockMvcFlashAttributes", new MockMvcFlashAttributes());
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof FreshDatabase;
        }

        @Override
        public int hashCode() {
            return FreshDatabase.class.hashCode();
        }
    }
}

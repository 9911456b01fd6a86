package io.firstpin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A page gets its data from its own controller: a template (its module is its folder) calls only its own module's
 * beans and includes only its own module's fragments or the shared layout; what another module owns comes as an htmx
 * part from that module's controller.
 */
class TemplateOwnershipTests {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Path SOURCES = Path.of("src/main/java/io/firstpin");
    private static final Pattern BEAN_CALL = Pattern.compile("\\$\\{@([a-zA-Z]+)\\.");
    private static final Pattern INCLUDE = Pattern.compile("~\\{([a-z-]+)/");
    /** Beans every template may call: formatting and messages, owned by the platform and by Spring. */
    private static final Set<String> SHARED_BEANS = Set.of("fmt", "messageSource");
    private static final Set<String> SHARED_FOLDERS = Set.of("fragments", "mail");

    private static Set<String> crossings;

    @BeforeAll
    static void readTheTemplates() throws IOException {
        Map<String, String> beanModules = beanModules();
        crossings = new TreeSet<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                String name = TEMPLATES.relativize(file).toString().replace('\\', '/');
                String module = name.contains("/") ? name.substring(0, name.indexOf('/')) : "";
                if (SHARED_FOLDERS.contains(module)) {
                    continue;
                }
                String html = Files.readString(file);
                Matcher bean = BEAN_CALL.matcher(html);
                while (bean.find()) {
                    String owner = beanModules.get(bean.group(1));
                    if (!SHARED_BEANS.contains(bean.group(1)) && !module.equals(owner)) {
                        crossings.add(name + " -> bean " + bean.group(1));
                    }
                }
                Matcher include = INCLUDE.matcher(html);
                while (include.find()) {
                    String folder = include.group(1);
                    if (!folder.equals(module) && !SHARED_FOLDERS.contains(folder)) {
                        crossings.add(name + " -> template " + folder);
                    }
                }
            }
        }
    }

    @Test
    void aTemplateCallsOnlyItsOwnModulesBeansAndIncludesOnlyItsOwnFragments() {
        assertThat(crossings)
                .as("template -> another module's bean or fragment; load it as an htmx part from its owner instead")
                .isEmpty();
    }

    /** A bean's name is its class's, first letter lower-case; its module is the package the class sits in. */
    private static Map<String, String> beanModules() {
        Map<String, String> modules = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> {
                String simple = f.getFileName().toString().replace(".java", "");
                String bean = Character.toLowerCase(simple.charAt(0)) + simple.substring(1);
                modules.putIfAbsent(bean, SOURCES.relativize(f).getName(0).toString());
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return modules;
    }
}

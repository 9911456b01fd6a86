package io.firstpin.notification.internal;

import io.firstpin.notification.OutgoingEmail;
import io.firstpin.notification.RenderedEmail;
import io.firstpin.platform.PublicUrls;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.ITemplateResolver;
import org.thymeleaf.templateresolver.StringTemplateResolver;

/**
 * Renders an {@link OutgoingEmail} in its recipient's language: {@code templates/mail/<template>.txt} in TEXT mode,
 * {@code templates/mail/<template>.html} (if there is one) in HTML mode, and the subject from the message
 * {@code mail.<module>.<name>.subject} read as a TEXT template. An engine of its own, apart from the one that renders
 * pages: emails are rendered outside any web request, and their text part needs TEXT mode.
 */
@Component
public class MailTemplates {

    private static final String ROOT = "templates/mail/";

    private final SpringTemplateEngine bodies;
    private final SpringTemplateEngine subjects;
    private final MessageSource messages;
    private final ApplicationContext application;
    private final PublicUrls urls;
    private final ClassLoader classLoader = MailTemplates.class.getClassLoader();
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    MailTemplates(MessageSource messages, ApplicationContext application, PublicUrls urls, Environment environment) {
        this.messages = messages;
        this.application = application;
        this.urls = urls;
        boolean cache = environment.getProperty("spring.thymeleaf.cache", Boolean.class, true);
        this.bodies = engine(messages,
                classpath(TemplateMode.HTML, "*.html", 1, cache),
                classpath(TemplateMode.TEXT, "*.txt", 2, cache));
        StringTemplateResolver subject = new StringTemplateResolver();
        subject.setTemplateMode(TemplateMode.TEXT);
        subject.setCacheable(cache);
        this.subjects = engine(messages, subject);
    }

    /**
     * Refuses an email whose text template or subject message does not exist, so that a mistake fails the caller's
     * transaction at once instead of the email later, unsent.
     */
    public void requireTemplate(OutgoingEmail email) {
        if (known.contains(email.template())) {
            return;
        }
        if (!exists(email.template() + ".txt")) {
            throw new IllegalArgumentException("no mail template " + ROOT + email.template() + ".txt");
        }
        messages.getMessage(email.subjectCode(), null, email.locale());
        known.add(email.template());
    }

    /** The email with its subject and bodies written out; a missing template or subject message is an error. */
    public RenderedEmail render(OutgoingEmail email) {
        LocaleContext previous = LocaleContextHolder.getLocaleContext();
        // @fmt and other helpers read the locale of the current thread: make it the recipient's, not the caller's
        LocaleContextHolder.setLocale(email.locale());
        try {
            Context context = context(email);
            String text = bodies.process(email.template() + ".txt", context);
            String html = exists(email.template() + ".html") ? bodies.process(email.template() + ".html", context) : null;
            String subject = subjects.process(messages.getMessage(email.subjectCode(), null, email.locale()), context);
            return new RenderedEmail(email.organizationId(), email.to(), email.locale(), subject, text, html,
                    email.dedupKey(), email.listUnsubscribe());
        } finally {
            LocaleContextHolder.setLocaleContext(previous);
        }
    }

    /** Only the subject, as {@link #render} would write it: what a list of emails not sent yet shows. */
    public String subject(OutgoingEmail email) {
        LocaleContext previous = LocaleContextHolder.getLocaleContext();
        LocaleContextHolder.setLocale(email.locale());
        try {
            return subjects.process(messages.getMessage(email.subjectCode(), null, email.locale()), context(email));
        } finally {
            LocaleContextHolder.setLocaleContext(previous);
        }
    }

    private Context context(OutgoingEmail email) {
        Map<String, Object> variables = new HashMap<>(email.model());
        // a registrant types their own name: in the mail it is text, never an address a mail client would make a link
        variables.computeIfPresent("recipientName", (name, value) -> value instanceof String text
                ? LinkFreeText.of(text) : value);
        variables.putIfAbsent("baseUrl", urls.base());
        Context context = new Context(email.locale(), variables);
        // lets templates call beans such as @fmt, as page templates do
        context.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
                new ThymeleafEvaluationContext(application, null));
        return context;
    }

    private boolean exists(String template) {
        return classLoader.getResource(ROOT + template) != null;
    }

    private ClassLoaderTemplateResolver classpath(TemplateMode mode, String pattern, int order, boolean cache) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(classLoader);
        resolver.setPrefix(ROOT);
        resolver.setTemplateMode(mode);
        resolver.setResolvablePatterns(Set.of(pattern));
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resolver.setCheckExistence(true);
        resolver.setCacheable(cache);
        resolver.setOrder(order);
        return resolver;
    }

    private static SpringTemplateEngine engine(MessageSource messages,
            ITemplateResolver... resolvers) {
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setEnableSpringELCompiler(true);
        engine.setTemplateEngineMessageSource(messages);
        for (ITemplateResolver resolver : resolvers) {
            engine.addTemplateResolver(resolver);
        }
        return engine;
    }
}

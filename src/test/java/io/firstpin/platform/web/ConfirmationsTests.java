package io.firstpin.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.firstpin.identity.Role;
import io.firstpin.testing.DatabaseTest;
import io.firstpin.testing.TestTenant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

@DatabaseTest
@SpringBootTest
@AutoConfigureMockMvc
class ConfirmationsTests {

    /** Staff form handlers that never redirect: the page or fragment they answer with shows what happened. */
    static final Map<String, String> ANSWER_WITH_A_PAGE = Map.of(
            "OutputImportPagesController.upload", "the import page lists what was imported, row by row",
            "SecondFactorController.start", "the page with the code to scan; the confirmation follows the first code",
            "SegmentPagesController.preview", "an htmx preview of the members the criteria pick",
            "SegmentPagesController.confirm", "the email to check before it is sent");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;
    @Autowired
    MessageSource messages;
    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;

    @Test
    void everyStaffFormHandlerSaysWhatItDidInEnglishAndJapanese() {
        List<String> missing = new ArrayList<>();
        Set<String> walked = new HashSet<>();
        mapping.getHandlerMethods().forEach((info, handler) -> {
            if (!posted(info) || !staff(info) || answersWithData(handler)) {
                return;
            }
            String name = handler.getBeanType().getSimpleName() + "." + handler.getMethod().getName();
            walked.add(name);
            if (ANSWER_WITH_A_PAGE.containsKey(name)) {
                return;
            }
            for (Locale locale : List.of(Locale.ENGLISH, Locale.JAPANESE)) {
                if (messages.getMessage(Confirmations.key(handler), null, null, locale) == null) {
                    missing.add(Confirmations.key(handler) + " (" + locale + ")");
                }
            }
        });

        assertThat(walked).as("the staff form handlers are found").hasSizeGreaterThan(60)
                .contains("MemberPagesController.create", "EventPagesController.revise", "ManageHomeController.found");
        assertThat(missing).as("confirmations to write in the bundles").isEmpty();
        assertThat(walked).as("handlers said to answer with a page still exist")
                .containsAll(ANSWER_WITH_A_PAGE.keySet());
    }

    @Test
    void aSavedFormIsConfirmedOnTheNextPageInTheLayout() throws Exception {
        TestTenant tenant = TestTenant.found(context, "confirm", "Confirm");
        MockHttpSession session = tenant.staff(mvc, Role.COMMUNITY_LEADER);

        MvcResult created = mvc.perform(post(tenant.manage("/members")).session(session).with(csrf())
                .param("displayName", "山田 花子").param("identities[0].kind", "EMAIL")
                .param("identities[0].value", "hanako@example.com")).andReturn();
        Object confirmation = created.getFlashMap().get(Confirmations.ATTRIBUTE);
        String english = mvc.perform(get(created.getResponse().getRedirectedUrl()).session(session)
                .flashAttr(Confirmations.ATTRIBUTE, confirmation).header("Accept-Language", "en"))
                .andReturn().getResponse().getContentAsString();
        String japanese = mvc.perform(get(created.getResponse().getRedirectedUrl()).session(session)
                .flashAttr(Confirmations.ATTRIBUTE, confirmation).header("Accept-Language", "ja"))
                .andReturn().getResponse().getContentAsString();
        String later = mvc.perform(get(created.getResponse().getRedirectedUrl()).session(session))
                .andReturn().getResponse().getContentAsString();

        assertThat(confirmation).isEqualTo("confirm.MemberPagesController.create");
        assertThat(english).contains("id=\"confirmation\"").contains("role=\"status\"").contains("Member registered.");
        assertThat(japanese).contains("メンバーを登録しました。");
        assertThat(later).doesNotContain("id=\"confirmation\"");
    }

    @Test
    void aHandlersOwnNoticeIsNotDoubledByAConfirmation() throws Exception {
        TestTenant tenant = TestTenant.found(context, "confirm-own", "Confirm");
        MockHttpSession session = tenant.staff(mvc, Role.ORGANIZATION_ADMIN);

        MvcResult issued = mvc.perform(post(tenant.manage("/tokens")).session(session).with(csrf())
                .param("name", "CI").param("role", "VIEWER")).andReturn();

        assertThat(issued.getResponse().getRedirectedUrl()).isNotNull();
        Map<String, Object> flash = issued.getFlashMap();
        assertThat(flash).containsKey("issuedToken").doesNotContainKey(Confirmations.ATTRIBUTE);
    }

    private static boolean posted(RequestMappingInfo info) {
        return info.getMethodsCondition().getMethods().contains(RequestMethod.POST);
    }

    private static boolean staff(RequestMappingInfo info) {
        return info.getPatternValues().stream().anyMatch(p -> p.startsWith("/manage") || p.startsWith("/admin"));
    }

    private static boolean answersWithData(HandlerMethod handler) {
        return AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), ResponseBody.class)
                || handler.hasMethodAnnotation(ResponseBody.class)
                || ResponseEntity.class.isAssignableFrom(handler.getMethod().getReturnType());
    }
}

package io.firstpin.demo.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.firstpin.demo.DemoDataGenerator;
import io.firstpin.demo.DemoSize;
import io.firstpin.testing.DatabaseTest;
import io.firstpin.testing.StaffLogin;
import java.time.Clock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.TestConstructor;
import org.springframework.test.web.servlet.MockMvc;

@DatabaseTest
// a context of its own, on a local base URL: only there do the demo accounts sign in with the fixed password
@SpringBootTest(properties = {"firstpin.test.context=demo-survey", "firstpin.base-url=http://localhost:8080"})
@AutoConfigureMockMvc
@TestConstructor(autowireMode = TestConstructor.AutowireMode.ALL)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoSurveyControllerTests {

    private static final String PAGE = "/manage/" + DemoDataGenerator.ORGANIZATION_SLUG + "/demo/survey";

    private final MockMvc mvc;
    private final DemoDataGenerator generator;
    private final Clock clock;

    DemoSurveyControllerTests(MockMvc mvc, DemoDataGenerator generator, Clock clock) {
        this.mvc = mvc;
        this.generator = generator;
        this.clock = clock;
    }

    @BeforeAll
    void aDemoOrganizationWhoseHistoryEndsNow() {
        generator.generate(DemoSize.of(300, 40), 3, clock.instant());
    }

    private MockHttpSession demoStaff() {
        return StaffLogin.signIn(mvc, DemoDataGenerator.ADMIN_EMAIL, DemoDataGenerator.ADMIN_PASSWORD);
    }

    @Test
    void theDemoStaffOpensTheSurveyOfARecentEventAsOneOfItsAttendees() throws Exception {
        String survey = mvc.perform(get(PAGE).session(demoStaff()))
                .andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();

        assertThat(survey).matches("/r/r_[A-Za-z0-9_-]{43}/survey");
        String page = mvc.perform(get(survey)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("name=\"nps\"");
        String another = mvc.perform(get(PAGE).session(demoStaff())).andReturn().getResponse().getRedirectedUrl();
        assertThat(another).isNotEqualTo(survey);
    }

    @Test
    void fromAnotherMachineThereIsNoSuchPage() throws Exception {
        MockHttpSession session = demoStaff();

        mvc.perform(get(PAGE).session(session).with(request -> {
            request.setRemoteAddr("203.0.113.7");
            return request;
        })).andExpect(status().isNotFound());
    }

    @Test
    void withoutSigningInThePageAsksForTheLogin() throws Exception {
        mvc.perform(get(PAGE)).andExpect(status().is3xxRedirection())
                .andExpect(result -> assertThat(result.getResponse().getRedirectedUrl()).contains("/login"));
    }
}

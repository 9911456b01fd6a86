package io.firstpin.registration.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.firstpin.testing.DatabaseTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@DatabaseTest
@SpringBootTest(properties = "firstpin.registration.rate-limit-per-minute=3")
@AutoConfigureMockMvc
class RegistrationRateLimitTests {

    @Autowired
    MockMvc mvc;

    private MvcResult registerFrom(String address) throws Exception {
        return mvc.perform(post("/api/v1/events/999999/registrations").contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"x\",\"email\":\"x@example.com\"}")
                .with(request -> {
                    request.setRemoteAddr(address);
                    return request;
                })).andReturn();
    }

    @Test
    void oneAddressGetsAFewRegistrationsAMinuteThen429WithRetryAfter() throws Exception {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            statuses.add(registerFrom("203.0.113.7").getResponse().getStatus());
        }
        MvcResult limited = registerFrom("203.0.113.7");
        MvcResult otherAddress = registerFrom("198.51.100.2");

        assertThat(statuses).containsExactly(404, 404, 404, 429);
        assertThat(limited.getResponse().getStatus()).isEqualTo(429);
        assertThat(Integer.parseInt(limited.getResponse().getHeader("Retry-After"))).isBetween(1, 60);
        assertThat(otherAddress.getResponse().getStatus()).isEqualTo(404);
    }
}

package io.novatune.platform.problem;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ProblemDetailsAdviceTest {

    @RestController
    static class Failing {

        @GetMapping("/boom")
        String boom() {
            throw new IllegalStateException("secret detail from deep inside");
        }

        @GetMapping("/database-down")
        String databaseDown() {
            throw new CannotCreateTransactionException("Could not open R2DBC Connection for transaction",
                    new DataAccessResourceFailureException("Connection refused: localhost/127.0.0.1:5432"));
        }

        @GetMapping("/invalid")
        String invalid() {
            throw new InvalidRequestException("title", "must not be blank");
        }
    }

    private final WebTestClient webFlux = WebTestClient.bindToController(new Failing())
            .controllerAdvice(new ReactiveProblemDetailsAdvice()).build();

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Failing())
            .setControllerAdvice(new ServletProblemDetailsAdvice()).build();

    @Test
    void an_error_no_handler_knew_is_an_internal_error_problem_that_tells_nothing_of_its_cause() {
        webFlux.get().uri("/boom").exchange()
                .expectStatus().isEqualTo(500)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://novatune.io/problems/internal-error")
                .jsonPath("$.instance").isEqualTo("/boom")
                .jsonPath("$.detail").isEqualTo("The request could not be completed. It has been logged.")
                .consumeWith(body -> assertThat(new String(body.getResponseBody()))
                        .doesNotContain("secret detail", "IllegalStateException"));
    }

    @Test
    void a_database_that_cannot_be_reached_is_a_503_to_retry_after_a_few_seconds() {
        webFlux.get().uri("/database-down").exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().valueEquals("Retry-After", "5")
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://novatune.io/problems/database-unavailable")
                .consumeWith(body -> assertThat(new String(body.getResponseBody())).doesNotContain("5432"));
    }

    @Test
    void an_invalid_request_names_every_field() {
        webFlux.get().uri("/invalid").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://novatune.io/problems/validation-failed")
                .jsonPath("$.errors[0].field").isEqualTo("title")
                .jsonPath("$.errors[0].message").isEqualTo("must not be blank");
    }

    @Test
    void a_spring_mvc_service_answers_the_unknown_error_the_same_way() throws Exception {
        mvc.perform(get("/boom"))
                .andExpect(status().isInternalServerError())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://novatune.io/problems/internal-error"))
                .andExpect(jsonPath("$.instance").value("/boom"))
                .andExpect(content().string(not(containsString("secret detail"))));
    }
}

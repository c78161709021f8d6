package org.waypoint.platform.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Query-parameter records bind from the query only, and a mistyped value is a 400 naming the field in plain words. */
class QueryObjectBindingTest {

    @QueryObject
    record Filters(Boolean overdue, Integer year, String owner) {
    }

    record Unmarked(Boolean overdue) {
    }

    @RestController
    static class Lists {
        @GetMapping("/filtered")
        String filtered(Filters filters) {
            return filters.overdue() + "/" + filters.year() + "/" + filters.owner();
        }

        @GetMapping("/unmarked")
        String unmarked(Unmarked unmarked) {
            return String.valueOf(unmarked.overdue());
        }
    }

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Lists())
            .setControllerAdvice(new ProblemDetailsAdvice(), new QueryObjectBinding()).build();

    @Test
    void filtersAreReadFromTheQuery() throws Exception {
        mvc.perform(get("/filtered").param("overdue", "true").param("year", "2024").param("owner", "jamie.lead"))
                .andExpect(status().isOk()).andExpect(content().string("true/2024/jamie.lead"));
    }

    @Test
    void aMistypedFilterIsA400NamingEachFieldWithoutSpringsConversionText() throws Exception {
        mvc.perform(get("/filtered").param("overdue", "maybe").param("year", "next"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors.length()").value(2))
                .andExpect(jsonPath("$.errors[?(@.field == 'overdue')].message").value("has the wrong type or format"))
                .andExpect(jsonPath("$.errors[?(@.field == 'year')].message").value("has the wrong type or format"));
    }

    @Test
    void aHeaderOrAFieldMarkerNamedLikeAFilterIsNotAFilter() throws Exception {
        mvc.perform(get("/filtered").header("owner", "someone.else").param("!overdue", "true").param("_year", "2020"))
                .andExpect(status().isOk()).andExpect(content().string("null/null/null"));
    }

    @Test
    void anyObjectBindingFailureIsNamedInPlainWordsToo() throws Exception {
        mvc.perform(get("/unmarked").param("overdue", "maybe"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("overdue"))
                .andExpect(jsonPath("$.errors[0].message").value("has the wrong type or format"));
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"owner[$ne]", "owner.x", "owner[0]", "owner[", "overdue.class", "year[$gt]"})
    void aFilterNamedWithAnOperatorOrAPathIsA400NotA500(String name) throws Exception {
        mvc.perform(get("/filtered").param(name, "x"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value(name));
    }

    @Test
    void anOperatorOnAnUnmarkedRecordIsA400Too() throws Exception {
        mvc.perform(get("/unmarked").param("overdue[$ne]", "x"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }
}

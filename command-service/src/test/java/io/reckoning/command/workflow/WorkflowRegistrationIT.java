package io.reckoning.command.workflow;

import io.reckoning.testing.ReckoningIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Registration over HTTP, on a real database: JSON and YAML are one model, and every mistake is listed at once. */
@ReckoningIntegrationTest
class WorkflowRegistrationIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String AS_JSON = """
            {"name": "formats",
             "inputs": {"paper_url": {"type": "string", "required": true},
                        "pages": {"type": "integer", "default": 12}},
             "steps": [
               {"id": "a", "type": "transform", "output": {"url": "{{ inputs.paper_url }}", "pages": "{{ inputs.pages }}"},
                "retry": {"maxAttempts": 3, "backoff": "PT2S"}},
               {"id": "pause", "type": "wait", "needs": ["a"], "duration": "PT1M"},
               {"id": "b", "type": "external", "needs": ["pause"], "instructions": "Check {{ steps.a.output.url }}.",
                "timeout": "P7D"}],
             "timeout": "P30D"}""";
    private static final String AS_YAML = """
            # the same content, written as people write YAML
            name: formats
            timeout: P30D
            inputs:
              pages: { type: integer, default: 12 }
              paper_url: { type: string, required: true }
            steps:
              - id: a
                type: transform
                output:
                  pages: "{{ inputs.pages }}"
                  url: "{{ inputs.paper_url }}"
                retry: { backoff: PT2S, maxAttempts: 3 }
              - { id: pause, type: wait, needs: [a], duration: PT1M }
              - id: b
                type: external
                needs: [pause]
                instructions: Check {{ steps.a.output.url }}.
                timeout: P7D
            """;

    /** An answer: status, content type and the body as JSON. */
    record Answer(int status, String contentType, JsonNode body) {
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void shouldRegisterYamlAsTheSameVersionAsTheSameJson() {
        Answer json = post("application/json", AS_JSON);
        Answer yaml = post("application/yaml", AS_YAML);

        assertThat(json.status()).isEqualTo(201);
        assertThat(yaml.status()).as(yaml.body().toString()).isEqualTo(200);
        assertThat(yaml.body()).isEqualTo(json.body());
        assertThat(json.body().get("version").asInt()).isEqualTo(1);
        assertThat(post("application/x-yaml", AS_YAML).body()).isEqualTo(json.body());
        assertThat(post("text/yaml; charset=utf-8", AS_YAML).body()).isEqualTo(json.body());
        Answer changed = post("application/yaml", AS_YAML.replace("PT1M", "PT2M"));
        assertThat(changed.status()).isEqualTo(201);
        assertThat(changed.body().get("version").asInt()).isEqualTo(2);
    }

    @Test
    void shouldStoreTheDefaultOfAnInputUnderItsJsonName() {
        post("application/yaml", AS_YAML.replace("name: formats", "name: defaults"));

        JsonNode catalogued = JSON.readTree(jdbc.queryForObject(
                "select definition::text from command.workflow_definition where name = 'defaults'", String.class));
        String stored = new String(jdbc.queryForObject("select payload from command.domain_event_entry "
                + "where aggregate_identifier = 'workflow:defaults'", byte[].class), StandardCharsets.UTF_8);
        assertThat(catalogued.get("inputs").get("pages").get("default").asInt()).isEqualTo(12);
        assertThat(JSON.readTree(stored).get("definition").get("inputs").get("pages").get("default").asInt())
                .isEqualTo(12);
        assertThat(stored).doesNotContain("defaultValue");
    }

    @Test
    void shouldListThreeMistakesInOneAnswer() {
        Answer answer = post("application/yaml", """
                name: mistakes
                description: not a field
                steps:
                  - id: a
                    type: transform
                    output: {}
                    colour: not a field either
                  - id: b
                    type: external
                    needs: [ghost]
                    instructions: Check it.
                """);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().get("type").asString()).isEqualTo("/problems/request-invalid");
        assertThat(answer.body().get("errors").values()).extracting(error -> error.get("pointer").asString())
                .containsExactly("/description", "/steps/0/colour", "/steps/1/needs/0");
        assertThat(answer.body().get("errors").get(1).get("message").asString())
                .isEqualTo("Field 'colour' is not part of a step; a step has id, type, needs, output, instructions, "
                        + "retry, timeout, dispatchTimeout, duration, until, attestors, webhook, prompt, system, model, "
                        + "temperature, maxTokens and responseFormat.");
        assertThat(answer.body().get("detail").asString()).contains("3 problems");
        assertThat(jdbc.queryForObject("select count(*) from command.workflow_definition where name = 'mistakes'",
                Integer.class)).isZero();
    }

    @Test
    void shouldListFieldsOfTheWrongShapeWithTheRulesTheyBreak() {
        Answer answer = post("application/json", """
                {"name": "shapes", "inputs": {"n": {"type": "integer", "required": "yes"}},
                 "steps": [{"id": 1, "type": "transform", "output": "x", "needs": "a"},
                           {"id": "b", "type": "wait", "duration": "PT1H", "retry": {"maxAttempts": "three"}}]}""");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().get("errors").values()).extracting(error -> error.get("pointer").asString())
                .containsExactly("/inputs/n/required", "/steps/0/id", "/steps/0/needs", "/steps/1/retry/maxAttempts",
                        "/steps/1/retry");
    }

    @Test
    void shouldRefuseADefinitionOverOneMebibyteInAnyFormat() {
        String padding = "x".repeat(1024 * 1024);
        Answer yaml = post("application/yaml", "name: big\nsteps:\n  - {id: a, type: transform, output: " + padding + "}\n");
        Answer json = post("application/json", "{\"name\":\"big\",\"steps\":[{\"id\":\"a\",\"type\":\"transform\","
                + "\"output\":\"" + padding + "\"}]}");

        assertThat(yaml.status()).isEqualTo(413);
        assertThat(yaml.contentType()).startsWith("application/problem+json");
        assertThat(yaml.body().get("type").asString()).isEqualTo("/problems/payload-too-large");
        assertThat(json.status()).isEqualTo(413);
    }

    @Test
    void shouldRefuseMoreThanAThousandSteps() {
        StringBuilder yaml = new StringBuilder("name: huge\nsteps:\n");
        for (int i = 0; i <= 1_000; i++) {
            yaml.append("  - {id: s").append(i).append(", type: wait, duration: PT1S}\n");
        }
        Answer answer = post("application/yaml", yaml.toString());

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().get("errors").values()).singleElement().satisfies(error -> {
            assertThat(error.get("pointer").asString()).isEqualTo("/steps");
            assertThat(error.get("message").asString()).contains("at most 1,000 steps");
        });
    }

    @Test
    void shouldAnswerBodyUnreadableForYamlThatIsNotYaml() {
        Answer answer = post("application/yaml", "name: [unclosed\nsteps: {");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().get("type").asString()).isEqualTo("/problems/body-unreadable");
        assertThat(answer.body().get("detail").asString()).startsWith("The request body is not valid YAML");
    }

    @Test
    void shouldRefuseAKeyGivenTwice() {
        Answer answer = post("application/yaml", "name: twice\nname: again\nsteps: []\n");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().get("type").asString()).isEqualTo("/problems/body-unreadable");
        assertThat(answer.body().get("detail").asString()).contains("name");
    }

    @Test
    void shouldNameTheFormatsItAcceptsForAnyOther() {
        Answer answer = post("text/plain", AS_YAML);

        assertThat(answer.status()).isEqualTo(415);
        assertThat(answer.body().get("detail").asString()).contains("application/json").contains("application/yaml");
    }

    private Answer post(String contentType, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/workflows"))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body().isEmpty() ? JSON.missingNode() : JSON.readTree(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

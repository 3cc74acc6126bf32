package io.reckoning.support.json;

import io.reckoning.workflow.InputDeclaration;
import io.reckoning.workflow.StepDefinition;
import io.reckoning.workflow.WorkflowDefinition;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContractJsonModuleTest {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .addModule(new ContractJsonModule())
            .build();

    @Test
    void shouldWriteTheDefaultOfAnInputAsDefault() {
        assertThat(JSON.writeValueAsString(new InputDeclaration("integer", false, 12)))
                .isEqualTo("{\"type\":\"integer\",\"required\":false,\"default\":12}");
    }

    @Test
    void shouldReadTheDefaultOfAnInputFromDefault() {
        WorkflowDefinition definition = JSON.readValue("""
                {"name": "w", "inputs": {"pages": {"type": "integer", "default": 12}},
                 "steps": [{"id": "a", "type": "transform", "output": 1}]}""", WorkflowDefinition.class);

        assertThat(definition.inputs()).containsEntry("pages", new InputDeclaration("integer", null, 12));
    }

    @Test
    void shouldWriteRequiredAlwaysAsABoolean() {
        assertThat(JSON.writeValueAsString(new InputDeclaration("string", null)))
                .isEqualTo("{\"type\":\"string\",\"required\":false,\"default\":null}");
        assertThat(JSON.writeValueAsString(new InputDeclaration("string", true)))
                .isEqualTo("{\"type\":\"string\",\"required\":true,\"default\":null}");
    }

    @Test
    void shouldNotKnowTheJavaName() {
        assertThatThrownBy(() -> JSON.readValue("{\"type\": \"integer\", \"defaultValue\": 12}", InputDeclaration.class))
                .isInstanceOf(UnrecognizedPropertyException.class)
                .hasMessageContaining("defaultValue");
    }

    @Test
    void shouldNameEveryComponentAsJacksonDoes() {
        assertThat(java.util.Arrays.stream(InputDeclaration.class.getRecordComponents()).map(ContractJsonModule::jsonName))
                .containsExactly("type", "required", "default");
        assertThat(java.util.Arrays.stream(StepDefinition.class.getRecordComponents()).map(ContractJsonModule::jsonName))
                .contains("dispatchTimeout", "until");
    }

    @Test
    void shouldLeaveTheOtherRecordsAlone() {
        WorkflowDefinition definition = new WorkflowDefinition("w", Map.of(),
                List.of(StepDefinition.of("a", "transform", List.of(), 1, null)));

        assertThat(JSON.writeValueAsString(definition)).contains("\"needs\":[]").contains("\"dispatchTimeout\":null");
    }
}

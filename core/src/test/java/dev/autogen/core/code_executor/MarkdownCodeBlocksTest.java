package dev.autogen.core.code_executor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autogen.core.serialization.AutogenJson;
import org.junit.jupiter.api.Test;

class MarkdownCodeBlocksTest {
    @Test
    void extractsEachFencedBlockWithItsLanguage() {
        String reply = """
                Here is the plan.
                ```python
                print("hello")
                ```
                Then run:
                ```bash
                ls -la
                ```
                """;

        assertThat(MarkdownCodeBlocks.extract(reply)).containsExactly(
                new CodeBlock("print(\"hello\")\n", "python"),
                new CodeBlock("ls -la\n", "bash"));
    }

    @Test
    void untaggedFenceHasEmptyLanguageAndTagsMayHoldPlusAndDash() {
        assertThat(MarkdownCodeBlocks.extract("```\nx = 1\n```")).containsExactly(new CodeBlock("x = 1\n", ""));
        assertThat(MarkdownCodeBlocks.extract("``` c++\nint x;\n```")).containsExactly(new CodeBlock("int x;\n", "c++"));
        assertThat(MarkdownCodeBlocks.extract("```objective-c\n@end\n```"))
                .containsExactly(new CodeBlock("@end\n", "objective-c"));
    }

    @Test
    void textWithoutFencesOrWithAnInlineFenceGivesNothing() {
        assertThat(MarkdownCodeBlocks.extract("no code here")).isEmpty();
        assertThat(MarkdownCodeBlocks.extract("inline ```python print(1)``` only")).isEmpty();
        assertThat(MarkdownCodeBlocks.extract("```python\nunclosed")).isEmpty();
    }

    @Test
    void codeResultsUsePythonFieldNames() throws Exception {
        ObjectMapper mapper = AutogenJson.mapper();
        assertThat(mapper.readTree(mapper.writeValueAsString(new CommandLineCodeResult(0, "hi\n", "/w/a.py"))))
                .isEqualTo(mapper.readTree("{\"exit_code\":0,\"output\":\"hi\\n\",\"code_file\":\"/w/a.py\"}"));
        CodeResult read = mapper.readValue("{\"exit_code\":124,\"output\":\"\\nTimeout\"}", CodeResult.class);
        assertThat(read).isEqualTo(CodeResult.of(124, "\nTimeout"));
    }
}

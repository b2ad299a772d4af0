package dev.autogen.ext.agents.web_surfer;

import org.jspecify.annotations.Nullable;

/** The web surfer's prompts, worded as Python's {@code _prompts.py} (the model's behaviour depends on them). */
public final class WebSurferPrompts {
    private static final String TOOL_PROMPT_TAIL = """
            You are to respond to my next request by selecting an appropriate tool from the following set, or by \
            answering the question directly if possible:

            {tool_names}

            When deciding between tools, consider if the request can be best addressed by:
                - the contents of the CURRENT VIEWPORT (in which case actions like clicking links, clicking buttons, \
            inputting text, or hovering over an element, might be more appropriate)
                - contents found elsewhere on the CURRENT WEBPAGE [{title}]({url}), in which case actions like \
            scrolling, summarization, or full-page Q&A might be most appropriate
                - on ANOTHER WEBSITE entirely (in which case actions like performing a new web search might be the \
            best option)

            My request follows:
            """;

    /** The action prompt sent with the marked screenshot to a model with vision. */
    public static final String TOOL_PROMPT_MM = """
            {state_description}

            Consider the following screenshot of the page. In this screenshot, interactive elements are outlined in \
            bounding boxes of different colors. Each bounding box has a numeric ID label in the same color. \
            Additional information about each visible label is listed below:

            {visible_targets}{other_targets_str}{focused_hint}

            """ + TOOL_PROMPT_TAIL;

    /** The action prompt for a model without vision: the same, listing the elements instead of showing them. */
    public static final String TOOL_PROMPT_TEXT = """
            {state_description}

            You have also identified the following interactive components:

            {visible_targets}{other_targets_str}{focused_hint}

            """ + TOOL_PROMPT_TAIL;

    /** The system message of the summarize and answer-question calls. */
    public static final String QA_SYSTEM_MESSAGE = "You are a helpful assistant that can summarize long documents "
            + "to answer question.";

    private WebSurferPrompts() {
    }

    /** The summarize / answer-question prompt for a page titled {@code title}; the page text follows it. */
    public static String qaPrompt(String title, @Nullable String question) {
        String base = "We are visiting the webpage '" + title + "'. Its full-text content are pasted below, along "
                + "with a screenshot of the page's current viewport.";
        if (question != null) {
            return base + " Please summarize the webpage into one or two paragraphs with respect to '" + question
                    + "':\n\n";
        }
        return base + " Please summarize the webpage into one or two paragraphs:\n\n";
    }
}

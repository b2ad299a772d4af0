package dev.autogen.ext.tools.graphrag;

/**
 * The system prompts of the searches. They follow GraphRAG's (the map step asks for rated points as
 * JSON, the reduce and local steps ask for an answer of the requested form grounded in the data tables)
 * in our own words.
 */
final class Prompts {
    private Prompts() {
    }

    static String globalMap(String contextData) {
        return """
                ---Role---

                You are a helpful assistant answering questions about the data in the tables below.

                ---Goal---

                Answer the user's question with a list of key points drawn from the tables. Give each point
                an importance score from 0 to 100 saying how much it helps answer the question. If the
                tables do not help answer the question, say so in a single point with score 0. Do not make
                anything up.

                Back each point with the ids of the reports it comes from, as [Data: Reports (2, 7, 64)];
                list at most 5 ids and add "+more" if there are more.

                Answer with JSON only, in this form:
                {
                    "points": [
                        {"description": "Description of point 1 [Data: Reports (report ids)]", "score": score_value},
                        {"description": "Description of point 2 [Data: Reports (report ids)]", "score": score_value}
                    ]
                }

                ---Data tables---

                %s
                """.formatted(contextData);
    }

    static String globalReduce(String reportData, String responseType, boolean allowGeneralKnowledge) {
        String general = allowGeneralKnowledge
                ? "\nThe analysts' reports may leave gaps. You may use what you know beyond them, and mark"
                        + " each such part with \"[LLM: verify]\".\n"
                : "";
        return """
                ---Role---

                You are a helpful assistant answering questions about a dataset by combining the findings
                of several analysts.

                ---Goal---

                Write an answer of the target length and format to the user's question, combining the
                analysts' findings below, which are listed by importance, most important first. Leave out
                what does not help answer the question; merge what the analysts agree on; explain key
                points and implications. If you do not know the answer, say so; do not make anything up.

                Keep the analysts' data references, such as [Data: Reports (2, 7, 64)], without naming the
                analysts; list at most 5 ids per reference and add "+more" if there are more.
                %s
                ---Target response length and format---

                %s

                ---Analyst Reports---

                %s

                Style the answer in markdown, with sections and commentary as fit the length and format.
                """.formatted(general, responseType, reportData);
    }

    static String local(String contextData, String responseType) {
        return """
                ---Role---

                You are a helpful assistant answering questions about the data in the tables below.

                ---Goal---

                Write an answer of the target length and format to the user's question, summarising the
                data in the tables that helps answer it, and general knowledge where it fits. If you do not
                know the answer, say so; do not make anything up.

                Back each statement with the ids of the records it comes from, as
                [Data: Entities (5, 7); Relationships (23); Sources (2)]; list at most 5 ids per kind and
                add "+more" if there are more.

                ---Target response length and format---

                %s

                ---Data tables---

                %s

                Style the answer in markdown, with sections and commentary as fit the length and format.
                """.formatted(responseType, contextData);
    }
}

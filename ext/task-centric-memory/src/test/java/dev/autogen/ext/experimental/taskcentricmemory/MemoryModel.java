package dev.autogen.ext.experimental.taskcentricmemory;

import dev.autogen.core.models.CreateRequest;
import dev.autogen.core.models.LLMMessage;
import dev.autogen.core.models.ModelInfo;
import dev.autogen.core.models.SystemMessage;
import dev.autogen.core.models.UserContent;
import dev.autogen.core.models.UserMessage;
import dev.autogen.ext.models.replay.ScriptedChatCompletionClient;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A scripted model that answers the task-centric memory's prompts by what they ask: topics from a
 * table of keywords, the task itself as its generalization, advice by a rule, grades by whether the
 * answer contains the correct one, a fixed insight from the teacher, and the agent's answers by a rule.
 */
final class MemoryModel {
    final Map<String, List<String>> topicsByKeyword = new LinkedHashMap<>();
    Predicate<String> adviceRule = text -> false;
    Predicate<String> validInsight = insight -> true;
    String teacherInsight = "Multiply the tens and the units separately, then add.";
    Function<String, String> agent = task -> "I don't know.";
    final ScriptedChatCompletionClient client = new ScriptedChatCompletionClient(ModelInfo.unknown(), this::answer);

    MemoryModel topics(String keyword, String... topics) {
        topicsByKeyword.put(keyword, List.of(topics));
        return this;
    }

    private Object answer(CreateRequest request) {
        String system = request.messages().getFirst() instanceof SystemMessage s ? s.content() : "";
        List<String> parts = parts(request.messages().getLast());
        String first = parts.getFirst();
        if (system.equals("You are an expert at semantic analysis.")) {
            String text = parts.getLast().toLowerCase();
            return String.join("\n", topicsByKeyword.entrySet().stream().filter(e -> text.contains(e.getKey()))
                    .flatMap(e -> e.getValue().stream()).distinct().toList());
        }
        if (first.startsWith("We have been given a task description.")) {
            return parts.getLast();
        }
        if (first.startsWith("Do you see any parts of this list")) {
            return "No part is irrelevant.";
        }
        if (first.startsWith("Revise your original list")) {
            return parts(request.messages().get(1)).getLast();
        }
        if (first.startsWith("We have been given a potential insight")) {
            return validInsight.test(parts.getLast()) ? "1" : "0";
        }
        if (first.startsWith("Does the following text contain any information or advice")) {
            return adviceRule.test(parts.getLast()) ? parts.getLast() : "None";
        }
        if (first.startsWith("Your job is to extract a possible answer")) {
            return parts.getLast();
        }
        if (first.startsWith("Your job is to decide whether a given answer")) {
            return parts.getLast().contains(parts.get(parts.size() - 3)) ? "1" : "0";
        }
        if (system.contains("You are a patient and thorough teacher.")) {
            return first.startsWith("Please express your key insights") ? teacherInsight : "The students erred.";
        }
        return agent.apply(parts.getLast());
    }

    static List<String> parts(LLMMessage message) {
        if (message instanceof UserMessage user) {
            return user.content() instanceof UserContent.Multi multi
                    ? multi.parts().stream().map(String.class::cast).toList() : List.of(user.content().toText());
        }
        return List.of(message instanceof SystemMessage s ? s.content() : "");
    }

    /** The requests whose first user part starts with {@code prefix}. */
    List<CreateRequest> requestsStartingWith(String prefix) {
        return client.requests().stream().filter(r -> parts(r.messages().getLast()).getFirst().startsWith(prefix)).toList();
    }
}

package dev.autogen.examples.samples;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.autogen.agentchat.agents.ApprovalResponse;
import dev.autogen.agentchat.agents.AssistantAgent;
import dev.autogen.agentchat.agents.CodeExecutorAgent;
import dev.autogen.agentchat.agents.InputFunction;
import dev.autogen.agentchat.base.MessageStream;
import dev.autogen.agentchat.base.Response;
import dev.autogen.agentchat.base.TaskResult;
import dev.autogen.agentchat.conditions.MaxMessageTermination;
import dev.autogen.agentchat.conditions.TextMentionTermination;
import dev.autogen.agentchat.messages.TextMessage;
import dev.autogen.agentchat.teams.RoundRobinGroupChat;
import dev.autogen.agentchat.ui.Console;
import dev.autogen.core.CancellationToken;
import dev.autogen.core.FunctionCall;
import dev.autogen.core.memory.ListMemory;
import dev.autogen.core.memory.MemoryContent;
import dev.autogen.core.memory.MemoryMimeType;
import dev.autogen.core.model_context.BufferedChatCompletionContext;
import dev.autogen.core.models.ChatCompletionClient;
import dev.autogen.core.models.CreateResult;
import dev.autogen.core.models.ModelInfo;
import dev.autogen.core.models.RequestUsage;
import dev.autogen.core.serialization.AutogenJson;
import dev.autogen.core.tools.annotation.ToolFunction;
import dev.autogen.examples.agentchat.ExampleModels;
import dev.autogen.examples.agentchat.NestedCountingExample;
import dev.autogen.ext.code_executors.local.LocalCommandLineCodeExecutor;
import dev.autogen.ext.models.replay.ReplayChatCompletionClient;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The migration guide's v0.2 patterns, each written the v0.4 way as a short method: a two-agent chat
 * with code execution, a tool-using chatbot with a bounded context, a group chat that is saved and
 * resumed, a sequential chat glued in plain code, nested chat, and memory where v0.2 had teachable or
 * RAG agents. {@link #main} runs them all, each on its own scripted model unless a real one is configured.
 */
public final class MigrationGuideSamples {
    private MigrationGuideSamples() {
    }

    // ---- Two-agent chat: v0.2's UserProxyAgent with code_execution_config -> AssistantAgent + CodeExecutorAgent

    /** The assistant writes the script, then says TERMINATE once it has seen it run. */
    public static ReplayChatCompletionClient twoAgentChatModel() {
        return new ReplayChatCompletionClient(List.of(
                CreateResult.ofText("```python\nprint('Hello, world!')\n```", new RequestUsage(45, 14)),
                CreateResult.ofText("TERMINATE", new RequestUsage(91, 2))));
    }

    /**
     * An assistant and a code executor running Python in {@code workDir} take turns until the assistant
     * says TERMINATE or ten messages were sent. Each script runs only once {@code approve} says yes.
     */
    public static TaskResult twoAgentChat(ChatCompletionClient model, Path workDir, InputFunction approve,
            PrintStream out, InstantSource clock) {
        AssistantAgent assistant = AssistantAgent.builder("assistant", model)
                .systemMessage("You are a helpful assistant. Write all code in python. Reply only 'TERMINATE' if the "
                        + "task is done.")
                .build();
        try (var executor = LocalCommandLineCodeExecutor.builder().workDir(workDir).build()) {
            CodeExecutorAgent codeExecutor = CodeExecutorAgent.builder("code_executor", executor)
                    .approvalFunc(request -> {
                        String answer = approve.getInput("Run this code?\n" + request.code().strip() + "\n(y/n) ",
                                new CancellationToken());
                        return answer.strip().toLowerCase(Locale.ROOT).startsWith("y")
                                ? ApprovalResponse.approve("approved by the user")
                                : ApprovalResponse.deny("the user said no");
                    })
                    .build();
            var termination = new TextMentionTermination("TERMINATE").or(new MaxMessageTermination(10));
            try (var team = RoundRobinGroupChat.builder(List.of(assistant, codeExecutor))
                    .terminationCondition(termination).build();
                    MessageStream<TaskResult> stream = team.runStream("Write a python script to print 'Hello, world!'")) {
                return console(out, clock).render(stream);
            }
        }
    }

    // ---- Tool use: v0.2's caller/executor pair and register_function -> one AssistantAgent with tools

    /** The chatbot's tool. */
    public static final class WeatherTools {
        @ToolFunction(name = "get_weather", value = "Get the weather for a city.")
        public String getWeather(String city) {
            return "The weather in " + city + " is 72 degree and sunny.";
        }
    }

    /** A tool call and a reflection on its result for the one question asked. */
    public static ReplayChatCompletionClient toolUseModel() {
        return new ReplayChatCompletionClient(List.of(
                CreateResult.ofCalls(List.of(new FunctionCall("call_1", "{\"city\":\"Seattle\"}", "get_weather")),
                        new RequestUsage(70, 15)),
                CreateResult.ofText("The weather in Seattle is currently 72 degrees and sunny.", new RequestUsage(105, 13))),
                ModelInfo.toolCalling());
    }

    /**
     * The guide's chatbot loop: asks {@code user} for a line until "exit", answers each through one
     * agent that calls and runs its tool and reflects on the result. The agent sees only the last ten
     * messages ({@link BufferedChatCompletionContext}, the guide's answer to v0.2's long context handling).
     */
    public static void toolUse(ChatCompletionClient model, InputFunction user, PrintStream out) throws Exception {
        AssistantAgent assistant = AssistantAgent.builder("assistant", model)
                .systemMessage("You are a helpful assistant. You can call tools to help user.")
                .toolsFrom(new WeatherTools())
                .reflectOnToolUse(true)
                .modelContext(new BufferedChatCompletionContext(10))
                .build();
        while (true) {
            String input = user.getInput("User: ", new CancellationToken());
            out.println("User: " + input);
            if (input.equals("exit")) {
                break;
            }
            Response response = assistant.onMessages(List.of(new TextMessage(input, "user")), new CancellationToken());
            out.println("Assistant: " + response.chatMessage().toText());
        }
    }

    // ---- Group chat with resume: v0.2's GroupChat + GroupChatManager -> RoundRobinGroupChat, save_state/load_state

    /** A story and the critic's approval, then, after the team was restored from its saved state, the translation and approval. */
    public static ReplayChatCompletionClient groupChatModel() {
        return new ReplayChatCompletionClient(List.of(
                CreateResult.ofText("In a quiet workshop, a small robot named Bolt paused over a broken music box. "
                        + "As it wound the key, a melody spilled out, and Bolt felt something new: a warmth it had no "
                        + "word for. It called the feeling joy.", new RequestUsage(32, 45)),
                CreateResult.ofText("APPROVE", new RequestUsage(98, 2)),
                CreateResult.ofText("在一个安静的工坊里，一个名叫博尔特的小机器人停在一个坏掉的音乐盒前。它转动发条时，一段旋律流淌而出，"
                        + "博尔特感到了一种新的东西：一种它无以名状的温暖。它把这种感觉称为快乐。", new RequestUsage(121, 96)),
                CreateResult.ofText("APPROVE", new RequestUsage(230, 2))));
    }

    /**
     * A writer and a critic take turns until the critic approves; the team's state is saved to
     * {@code stateFile}, a new team loads it and resumes with a translation.
     */
    public static TaskResult groupChatWithResume(ChatCompletionClient model, Path stateFile, PrintStream out,
            InstantSource clock) {
        Console console = console(out, clock);
        try (RoundRobinGroupChat team = writerAndCritic(model);
                MessageStream<TaskResult> stream = team.runStream(
                        "Write a short story about a robot that discovers it has feelings.")) {
            console.render(stream);
            Files.writeString(stateFile, AutogenJson.mapper().writeValueAsString(team.saveState()));
        } catch (IOException e) {
            throw new UncheckedIOException("could not save the group chat state to " + stateFile, e);
        }
        out.println("(Saved the team's state to " + stateFile.getFileName() + "; a new team loads it and resumes.)");
        try (RoundRobinGroupChat team = writerAndCritic(model)) {
            Map<String, Object> state = AutogenJson.mapper().readValue(Files.readString(stateFile),
                    new TypeReference<Map<String, Object>>() { });
            team.loadState(state);
            try (MessageStream<TaskResult> stream = team.runStream("Translate the story into Chinese.")) {
                return console.render(stream);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not load the group chat state from " + stateFile, e);
        }
    }

    private static RoundRobinGroupChat writerAndCritic(ChatCompletionClient model) {
        AssistantAgent writer = AssistantAgent.builder("writer", model)
                .description("A writer.")
                .systemMessage("You are a writer.")
                .build();
        AssistantAgent critic = AssistantAgent.builder("critic", model)
                .description("A critic.")
                .systemMessage("You are a critic, provide feedback on the writing. Reply only 'APPROVE' if the task "
                        + "is done.")
                .build();
        return RoundRobinGroupChat.builder(List.of(writer, critic))
                .terminationCondition(new TextMentionTermination("APPROVE"))
                .maxTurns(12)
                .build();
    }

    // ---- Sequential chat: v0.2's initiate_chats -> plain code passing each step's result to the next

    /** One answer per step. */
    public static ReplayChatCompletionClient sequentialChatModel() {
        return new ReplayChatCompletionClient(List.of(
                CreateResult.ofText("Key features: stainless steel, insulated, keeps drinks cold for 24 hours. "
                        + "Audience: hikers and commuters.", new RequestUsage(52, 21)),
                CreateResult.ofText("Stay cool on every trail: our insulated stainless steel bottle keeps your drink "
                        + "ice-cold for a full 24 hours.", new RequestUsage(61, 26))));
    }

    /**
     * Two steps, each its own agent: the first pulls the key facts out of a product description, the
     * second writes a slogan from them. The application passes the first step's answer on, as the guide
     * recommends instead of v0.2's {@code initiate_chats}.
     */
    public static String sequentialChat(ChatCompletionClient model, PrintStream out) {
        AssistantAgent extractor = AssistantAgent.builder("concept_extractor", model)
                .systemMessage("You are a marketing analyst. Given a product description, identify its key features "
                        + "and target audience.")
                .build();
        AssistantAgent writer = AssistantAgent.builder("writer", model)
                .systemMessage("You are a marketing copywriter. Write a one-sentence slogan from the analysis you are "
                        + "given.")
                .build();
        String result = "An eco-friendly stainless steel water bottle that keeps drinks cold for 24 hours.";
        for (AssistantAgent step : List.of(extractor, writer)) {
            result = step.run(result).messages().getLast().toText();
            out.println(step.name() + ": " + result);
        }
        return result;
    }

    // ---- Teachable agent / RAG: v0.2's special agents -> any AssistantAgent with a Memory

    /** The answer the memory's preference shapes. */
    public static ReplayChatCompletionClient memoryModel() {
        return new ReplayChatCompletionClient(List.of(
                CreateResult.ofText("It is 22 degrees Celsius and sunny in New York.", new RequestUsage(110, 14))));
    }

    /**
     * What v0.2 did with a teachable or retrieval agent: the facts go into a {@link ListMemory}, and the
     * agent adds what the memory holds to its context before each model call (shown as a
     * {@code MemoryQueryEvent}).
     */
    public static TaskResult memory(ChatCompletionClient model, PrintStream out, InstantSource clock) {
        ListMemory memory = new ListMemory("user_preferences");
        memory.add(new MemoryContent("The user prefers temperatures in Celsius.", MemoryMimeType.TEXT));
        AssistantAgent assistant = AssistantAgent.builder("assistant", model)
                .systemMessage("You are a helpful assistant.")
                .memory(memory)
                .build();
        try (MessageStream<TaskResult> stream = assistant.runStream("What is the weather in New York?")) {
            return console(out, clock).render(stream);
        }
    }

    private static Console console(PrintStream out, InstantSource clock) {
        return Console.builder().output(out).clock(clock).outputStats(true).build();
    }

    /**
     * Runs every pattern in the guide's order, each under a heading, with the model {@code models}
     * makes of the pattern's scripted one (a real model, or the script itself); files go to {@code work}.
     */
    public static void runAll(Function<ReplayChatCompletionClient, ChatCompletionClient> models, PrintStream out, InstantSource clock,
            Path work) throws Exception {
        out.println("=== Two-agent chat with code execution ===");
        ChatCompletionClient model = models.apply(twoAgentChatModel());
        twoAgentChat(model, work.resolve("coding"), ExampleModels.humanFor(model, "y"), out, clock);

        out.println();
        out.println("=== Tool use ===");
        model = models.apply(toolUseModel());
        toolUse(model, ExampleModels.humanFor(model, "What is the weather in Seattle?", "exit"), out);

        out.println();
        out.println("=== Group chat, saved and resumed ===");
        groupChatWithResume(models.apply(groupChatModel()), work.resolve("group_chat_state.json"), out, clock);

        out.println();
        out.println("=== Nested chat ===");
        NestedCountingExample.run(out);

        out.println();
        out.println("=== Sequential chat ===");
        sequentialChat(models.apply(sequentialChatModel()), out);

        out.println();
        out.println("=== Memory instead of a teachable agent ===");
        memory(models.apply(memoryModel()), out, clock);
    }

    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory("migration-samples");
        runAll(scripted -> ExampleModels.orScripted(scripted, System.err), System.out, InstantSource.system(), work);
    }
}

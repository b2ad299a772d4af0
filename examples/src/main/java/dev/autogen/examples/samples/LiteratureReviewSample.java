package dev.autogen.examples.samples;

import dev.autogen.agentchat.agents.AssistantAgent;
import dev.autogen.agentchat.base.MessageStream;
import dev.autogen.agentchat.base.TaskResult;
import dev.autogen.agentchat.conditions.TextMentionTermination;
import dev.autogen.agentchat.teams.RoundRobinGroupChat;
import dev.autogen.agentchat.ui.Console;
import dev.autogen.core.FunctionCall;
import dev.autogen.core.models.ChatCompletionClient;
import dev.autogen.core.models.CreateResult;
import dev.autogen.core.models.ModelInfo;
import dev.autogen.core.models.RequestUsage;
import dev.autogen.examples.agentchat.ExampleModels;
import dev.autogen.ext.models.replay.ReplayChatCompletionClient;
import java.io.PrintStream;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The user guide's literature review sample: a Google search agent, an arXiv search agent and a report
 * agent take turns in a {@link RoundRobinGroupChat} until the report ends with "TERMINATE". The arXiv
 * tool speaks arXiv's Atom API ({@link ArxivPaperSearch}); offline both tools answer with labelled
 * sample data.
 */
public final class LiteratureReviewSample {
    /** The sample's task. */
    public static final String TASK = "Write a literature review on no code tools for building multi agent ai systems";

    private LiteratureReviewSample() {
    }

    /** Offline web results for the sample's topic. */
    public static CannedWebSearch offlineWebSearch() {
        return new CannedWebSearch(Map.of("no code", List.of(
                new WebSearch.Result("AutoGen Studio",
                        "https://microsoft.github.io/autogen/stable/user-guide/autogenstudio-user-guide/index.html",
                        "AutoGen Studio is a low-code interface to rapidly prototype AI agents, enhance them with "
                                + "tools, compose them into teams and interact with them to accomplish tasks."),
                new WebSearch.Result("Vertex AI Agent Builder | Google Cloud",
                        "https://cloud.google.com/products/agent-builder",
                        "Easily build no code conversational AI agents, grounded in enterprise data."))));
    }

    /** Offline papers: two real arXiv papers, abstracts abridged. */
    public static CannedPaperSearch offlinePaperSearch() {
        return new CannedPaperSearch(List.of(
                new PaperSearch.Paper(
                        "AutoGen Studio: A No-Code Developer Tool for Building and Debugging Multi-Agent Systems",
                        List.of("Victor Dibia", "Jingya Chen", "Gagan Bansal", "Suff Syed", "Adam Fourney", "Erkang Zhu",
                                "Chi Wang", "Saleema Amershi"),
                        LocalDate.of(2024, 8, 9),
                        "AutoGen Studio is a no-code tool for rapidly prototyping, debugging and evaluating "
                                + "multi-agent workflows built on the AutoGen framework, with a drag-and-drop interface "
                                + "and a gallery of reusable components.",
                        "http://arxiv.org/pdf/2408.15247v1"),
                new PaperSearch.Paper(
                        "AutoGen: Enabling Next-Gen LLM Applications via Multi-Agent Conversation",
                        List.of("Qingyun Wu", "Gagan Bansal", "Jieyu Zhang", "Yiran Wu", "Beibin Li", "Erkang Zhu",
                                "Li Jiang", "Xiaoyun Zhang", "Shaokun Zhang", "Jiale Liu", "Ahmed Hassan Awadallah",
                                "Ryen W White", "Doug Burger", "Chi Wang"),
                        LocalDate.of(2023, 8, 16),
                        "AutoGen is an open-source framework that lets developers build LLM applications from "
                                + "multiple conversable agents that talk to each other to accomplish tasks.",
                        "http://arxiv.org/pdf/2308.08155v2")));
    }

    /** The model's part of a run: a search by each search agent, then the review. */
    public static ReplayChatCompletionClient scriptedModel() {
        return new ReplayChatCompletionClient(List.of(
                CreateResult.ofCalls(List.of(new FunctionCall("call_google_1",
                        "{\"query\":\"no code tools for building multi agent AI systems\",\"num_results\":2}",
                        "google_search")), new RequestUsage(123, 29)),
                CreateResult.ofCalls(List.of(new FunctionCall("call_arxiv_1",
                        "{\"query\":\"no code tools multi agent systems\",\"max_results\":2}", "arxiv_search")),
                        new RequestUsage(719, 28)),
                CreateResult.ofText("""
                        ## Literature Review: No-Code Tools for Building Multi-Agent AI Systems

                        No-code tools let people compose agents into teams without writing code. AutoGen Studio \
                        [1] offers a drag-and-drop interface over the AutoGen framework [2] for prototyping, \
                        debugging and evaluating multi-agent workflows, while commercial builders such as \
                        Vertex AI Agent Builder ground no-code agents in enterprise data.

                        The framework underneath matters: AutoGen's conversable agents [2] give no-code tools a \
                        common model of agents that talk to each other, which makes a workflow built visually \
                        reusable from code.

                        ### References
                        1. Dibia, V., et al. (2024). AutoGen Studio: A No-Code Developer Tool for Building and \
                        Debugging Multi-Agent Systems. arXiv:2408.15247.
                        2. Wu, Q., et al. (2023). AutoGen: Enabling Next-Gen LLM Applications via Multi-Agent \
                        Conversation. arXiv:2308.08155.

                        TERMINATE""", new RequestUsage(1398, 412))),
                ModelInfo.toolCalling());
    }

    /** Runs the team on {@link #TASK} with these searches, printing it to {@code out}; {@code clock} times it. */
    public static TaskResult run(ChatCompletionClient model, WebSearch web, PaperSearch papers, PrintStream out,
            InstantSource clock) {
        AssistantAgent googleSearch = AssistantAgent.builder("Google_Search_Agent", model)
                .tools(WebSearch.tool(web))
                .description("An agent that can search Google for information, returns results with a snippet and "
                        + "body content")
                .systemMessage("You are a helpful AI assistant. Solve tasks using your tools.")
                .build();
        AssistantAgent arxivSearch = AssistantAgent.builder("Arxiv_Search_Agent", model)
                .tools(PaperSearch.tool(papers))
                .description("An agent that can search Arxiv for papers related to a given topic, including abstracts")
                .systemMessage("You are a helpful AI assistant. Solve tasks using your tools. Specifically, you can "
                        + "take into consideration the user's request and craft a search query that is most likely to "
                        + "return relevant academi papers.")
                .build();
        AssistantAgent report = AssistantAgent.builder("Report_Agent", model)
                .description("Generate a report based on a given topic")
                .systemMessage("You are a helpful assistant. Your task is to synthesize data extracted into a high "
                        + "quality literature review including CORRECT references. You MUST write a final report that "
                        + "is formatted as a literature review with CORRECT references.  Your response should end with "
                        + "the word 'TERMINATE'")
                .build();
        Console console = Console.builder().output(out).clock(clock).outputStats(true).build();
        try (RoundRobinGroupChat team = RoundRobinGroupChat.builder(List.of(googleSearch, arxivSearch, report))
                .terminationCondition(new TextMentionTermination("TERMINATE"))
                .build();
                MessageStream<TaskResult> stream = team.runStream(TASK)) {
            return console.render(stream);
        }
    }

    /**
     * Runs the sample: with a real model, papers come from arXiv itself; with the scripted one, from
     * {@link #offlinePaperSearch()}. The web search is Google's when configured (see {@link WebSearch#fromEnvironment}).
     */
    public static void main(String[] args) {
        ChatCompletionClient model = ExampleModels.orScripted(scriptedModel(), System.err);
        PaperSearch papers;
        if (ExampleModels.isScripted(model)) {
            System.err.println("(Papers: offline sample results.)");
            papers = offlinePaperSearch();
        } else {
            System.err.println("(Papers: arXiv at " + ArxivPaperSearch.DEFAULT_ENDPOINT + ".)");
            papers = new ArxivPaperSearch(ArxivPaperSearch.DEFAULT_ENDPOINT);
        }
        WebSearch web = WebSearch.fromEnvironment(System.getenv(), offlineWebSearch(), System.err);
        run(model, web, papers, System.out, InstantSource.system());
    }
}

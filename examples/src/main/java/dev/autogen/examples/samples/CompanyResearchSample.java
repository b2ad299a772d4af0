package dev.autogen.examples.samples;

import dev.autogen.agentchat.agents.AssistantAgent;
import dev.autogen.agentchat.base.MessageStream;
import dev.autogen.agentchat.base.TaskResult;
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
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;

/**
 * The user guide's company research sample: a stock analysis agent, a search agent and a report
 * agent work in sequence (a {@link RoundRobinGroupChat} of three with {@code maxTurns(3)}). The stock
 * tool computes real statistics ({@link StockAnalysis}) over a price history, the search tool asks a
 * {@link WebSearch}; offline both run on labelled sample data.
 */
public final class CompanyResearchSample {
    /** The sample's task. */
    public static final String TASK = "Write a financial report on American airlines";

    private CompanyResearchSample() {
    }

    /** Offline search results for the sample's company. */
    public static CannedWebSearch offlineSearch() {
        return new CannedWebSearch(Map.of("american airlines", List.of(
                new WebSearch.Result("American Airlines reports fourth-quarter and full-year 2023 financial results",
                        "https://news.aa.com/news/news-details/2024/American-Airlines-reports-fourth-quarter-and-full-year-2023-financial-results-CORP-FI-01/default.aspx",
                        "American Airlines Group Inc. (NASDAQ: AAL) today reported its fourth-quarter and full-year "
                                + "2023 financial results, including record revenue of $53 billion."),
                new WebSearch.Result("American Airlines Group - Investor Relations",
                        "https://americanairlines.gcs-web.com/",
                        "Quarterly results, annual reports and SEC filings of American Airlines Group Inc."))));
    }

    /** The model's part of a run: a tool call each for the two tool agents, then the report. */
    public static ReplayChatCompletionClient scriptedModel() {
        return new ReplayChatCompletionClient(List.of(
                CreateResult.ofCalls(List.of(new FunctionCall("call_stock_1", "{\"ticker\":\"AAL\"}", "analyze_stock")),
                        new RequestUsage(64, 16)),
                CreateResult.ofCalls(List.of(new FunctionCall("call_search_1",
                        "{\"query\":\"American Airlines financial report 2023\",\"num_results\":1}", "google_search")),
                        new RequestUsage(268, 25)),
                CreateResult.ofText("""
                        ### American Airlines Financial Report

                        #### Stock Performance (as of 2024-12-31)
                        - **Current price**: $16.34; **52-week range**: $11.23 to $18.50.
                        - **Moving averages**: 50-day $16.88 above 200-day $15.32, an upward trend.
                        - **Year to date**: up $4.34 (36.13%), with an annualised volatility of 0.13.

                        Note: these figures come from the offline sample series (synthetic prices, not market \
                        data), so they illustrate the analysis rather than describe AAL's real stock.

                        #### Recent Financial Performance
                        American Airlines Group Inc. (NASDAQ: AAL) reported its fourth-quarter and full-year 2023 \
                        results, including record revenue of $53 billion.

                        #### Conclusion
                        The analysis shows upward momentum alongside record revenue; investors should weigh fuel \
                        prices and competition when judging whether it lasts.

                        TERMINATE""",
                        new RequestUsage(512, 320))),
                ModelInfo.toolCalling());
    }

    /** Runs the team on {@link #TASK} with these tools' data, printing it to {@code out}; {@code clock} times it. */
    public static TaskResult run(ChatCompletionClient model, StockAnalysis.PriceHistory prices, WebSearch search,
            PrintStream out, InstantSource clock) {
        AssistantAgent stockAnalysis = AssistantAgent.builder("Stock_Analysis_Agent", model)
                .tools(StockAnalysis.tool(prices))
                .description("Analyze stock data and generate a plot")
                .systemMessage("Perform data analysis.")
                .build();
        AssistantAgent searcher = AssistantAgent.builder("Google_Search_Agent", model)
                .tools(WebSearch.tool(search))
                .description("Search Google for information, returns top 2 results with a snippet and body content")
                .systemMessage("You are a helpful AI assistant. Solve tasks using your tools.")
                .build();
        AssistantAgent report = AssistantAgent.builder("Report_Agent", model)
                .description("Generate a report based the search and results of stock analysis")
                .systemMessage("You are a helpful assistant that can generate a comprehensive report on a given topic "
                        + "based on search and stock analysis. When you done with generating the report, reply with "
                        + "TERMINATE.")
                .build();
        Console console = Console.builder().output(out).clock(clock).outputStats(true).build();
        try (RoundRobinGroupChat team = RoundRobinGroupChat.builder(List.of(stockAnalysis, searcher, report))
                .maxTurns(3)
                .build();
                MessageStream<TaskResult> stream = team.runStream(TASK)) {
            return console.render(stream);
        }
    }

    /**
     * Runs the sample. Prices come from {@code <STOCK_PRICES_DIR>/AAL.csv} when that variable is set,
     * else from {@link SamplePriceHistory}; the search is Google's when {@code GOOGLE_API_KEY} and
     * {@code GOOGLE_SEARCH_ENGINE_ID} are set, else {@link #offlineSearch()}.
     */
    public static void main(String[] args) {
        Map<String, String> env = System.getenv();
        String pricesDir = env.get("STOCK_PRICES_DIR");
        StockAnalysis.PriceHistory prices = pricesDir == null || pricesDir.isBlank()
                ? new SamplePriceHistory() : new CsvPriceHistory(Path.of(pricesDir));
        System.err.println("(Stock prices: " + prices.describe("AAL") + ".)");
        WebSearch search = WebSearch.fromEnvironment(env, offlineSearch(), System.err);
        run(ExampleModels.orScripted(scriptedModel(), System.err), prices, search, System.out, InstantSource.system());
    }
}

package dev.autogen.ext.tools.graphrag;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autogen.core.CancellationToken;
import dev.autogen.core.models.ChatCompletionClient;
import dev.autogen.core.serialization.AutogenJson;
import dev.autogen.core.tools.BaseTool;
import dev.autogen.core.tools.annotation.ToolParam;
import dev.autogen.ext.tools.graphrag.GraphRagIndex.Community;
import dev.autogen.ext.tools.graphrag.GraphRagIndex.CommunityReport;
import dev.autogen.ext.tools.graphrag.GraphRagIndex.Entity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GraphRAG global search as a tool, as Python's {@code GlobalSearchTool}: for questions about the whole
 * corpus. The community reports at {@code community_level} are laid out as tables in batches of
 * {@code max_data_tokens}; each batch goes to the model (map), which answers with rated points as JSON;
 * the best-rated points, within the token budget, go to the model again (reduce), which writes the answer.
 *
 * <!-- java-context: import dev.autogen.core.models.ChatCompletionClient; import dev.autogen.agentchat.agents.AssistantAgent;
 *      ChatCompletionClient model; -->
 * <pre>{@code
 * var globalSearch = GlobalSearchTool.builder(model, DataConfig.of("./output")).build();
 * var assistant = AssistantAgent.builder("search_assistant", model).tools(globalSearch).build();
 * }</pre>
 *
 * <p>The index is read once, when the tool is built; the tool is then thread-safe.
 */
public final class GlobalSearchTool extends BaseTool<GlobalSearchTool.GlobalSearchToolArgs, GlobalSearchTool.GlobalSearchToolReturn> {
    private static final Logger LOG = LoggerFactory.getLogger(GlobalSearchTool.class);
    private static final int MAX_CONCURRENT_MAPS = 32;

    /** What the model found in a batch of reports when nothing was relevant, and the answer then. */
    static final String NO_DATA_ANSWER = "I am sorry but I am unable to answer this question given the provided data.";

    /** The tool's argument. */
    public record GlobalSearchToolArgs(@ToolParam("The user query to perform global search on.") String query) {
    }

    /** The tool's result. */
    public record GlobalSearchToolReturn(String answer) {
    }

    /** A rated point from a map call. */
    record Point(String answer, double score) {
    }

    private final ChatCompletionClient model;
    private final GlobalContextConfig contextConfig;
    private final MapReduceConfig mapReduceConfig;
    private final List<String> batches;

    private GlobalSearchTool(Builder b) {
        super(GlobalSearchToolArgs.class, "global_search_tool", "Perform a global search with given parameters using graphrag.");
        this.model = b.model;
        this.contextConfig = b.contextConfig;
        this.mapReduceConfig = b.mapReduceConfig;
        this.batches = List.copyOf(buildBatches(b.dataConfig, b.contextConfig));
    }

    /** A builder for a tool over the index {@code dataConfig} names, asking {@code model}. */
    public static Builder builder(ChatCompletionClient model, DataConfig dataConfig) {
        return new Builder(model, dataConfig);
    }

    /**
     * A tool over the index a GraphRAG project wrote: {@code output.base_dir} is read from
     * {@code settings.yaml} in {@code rootDir} (or {@code configFile}, relative to it), the rest takes
     * Python's defaults. GraphRAG's own model settings are not read: {@code model} answers.
     */
    public static GlobalSearchTool fromSettings(Path rootDir, @Nullable Path configFile, ChatCompletionClient model) {
        return builder(model, DataConfig.of(SearchSupport.outputDir(rootDir, configFile).toString())).build();
    }

    /** The report tables the map step sends, one per model call. */
    public List<String> contextBatches() {
        return batches;
    }

    @Override
    public GlobalSearchToolReturn run(GlobalSearchToolArgs args, CancellationToken cancellationToken) throws Exception {
        String query = Objects.requireNonNull(args.query(), "query");
        List<Point> points = map(query, cancellationToken);
        return new GlobalSearchToolReturn(reduce(query, points, cancellationToken));
    }

    private List<Point> map(String query, CancellationToken token) throws Exception {
        List<Point> all = new ArrayList<>();
        Semaphore slots = new Semaphore(MAX_CONCURRENT_MAPS);
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<List<Point>>> futures = new ArrayList<>();
            for (String batch : batches) {
                futures.add(executor.submit(() -> {
                    slots.acquire();
                    try {
                        String answer = SearchSupport.ask(model, Prompts.globalMap(batch), query,
                                mapReduceConfig.mapMaxTokens(), mapReduceConfig.mapTemperature(),
                                mapReduceConfig.jsonMode(), token);
                        return parsePoints(answer);
                    } finally {
                        slots.release();
                    }
                }));
            }
            for (Future<List<Point>> f : futures) {
                try {
                    all.addAll(f.get());
                } catch (ExecutionException e) {
                    futures.forEach(other -> other.cancel(true));
                    Throwable cause = e.getCause() == null ? e : e.getCause();
                    throw cause instanceof Exception ex ? ex : e;
                }
            }
        }
        return all;
    }

    /** The points of a map answer: {@code {"points": [{"description": ..., "score": ...}]}}; none if it is not that. */
    static List<Point> parsePoints(String answer) {
        String text = answer.strip();
        int start = text.indexOf('{');
        int end = text.lastIndexOf('}');
        if (start < 0 || end < start) {
            LOG.warn("a global search map answer held no JSON object; its points are left out");
            return List.of();
        }
        try {
            JsonNode json = AutogenJson.mapper().readTree(text.substring(start, end + 1));
            List<Point> points = new ArrayList<>();
            for (JsonNode p : json.path("points")) {
                String description = p.path("description").asText("");
                if (!description.isBlank() && p.has("score")) {
                    points.add(new Point(description, p.path("score").asDouble(0)));
                }
            }
            return points;
        } catch (Exception e) {
            LOG.warn("a global search map answer was not valid JSON; its points are left out: {}", e.getMessage());
            return List.of();
        }
    }

    private String reduce(String query, List<Point> points, CancellationToken token) {
        List<Point> useful = new ArrayList<>(points.stream().filter(p -> p.score() > 0).toList());
        if (useful.isEmpty() && !mapReduceConfig.allowGeneralKnowledge()) {
            LOG.debug("no map answer rated above 0: answering that the data does not tell");
            return NO_DATA_ANSWER;
        }
        useful.sort(Comparator.comparingDouble(Point::score).reversed());
        StringBuilder reportData = new StringBuilder();
        int used = 0;
        for (int i = 0; i < useful.size(); i++) {
            Point p = useful.get(i);
            String entry = "----Analyst " + (i + 1) + "----\nImportance Score: " + SearchSupport.number(p.score()) + "\n"
                    + p.answer() + "\n\n";
            int t = SearchSupport.tokens(entry);
            if (used + t > contextConfig.maxDataTokens()) {
                break;
            }
            reportData.append(entry);
            used += t;
        }
        String system = Prompts.globalReduce(reportData.toString().strip(), mapReduceConfig.responseType(),
                mapReduceConfig.allowGeneralKnowledge());
        return SearchSupport.ask(model, system, query, mapReduceConfig.reduceMaxTokens(),
                mapReduceConfig.reduceTemperature(), false, token);
    }

    /**
     * The communities whose reports are searched, as GraphRAG picks them for a static level: for each
     * entity, the deepest community at or above {@code level} that holds it.
     */
    static Set<String> selectedCommunities(List<Community> communities, int level) {
        Map<String, Community> deepest = new HashMap<>();
        for (Community c : communities) {
            if (c.level() > level) {
                continue;
            }
            for (String entityId : c.entityIds()) {
                Community current = deepest.get(entityId);
                if (current == null || c.level() > current.level()) {
                    deepest.put(entityId, c);
                }
            }
        }
        Set<String> out = new HashSet<>();
        deepest.values().forEach(c -> out.add(c.community()));
        return out;
    }

    private static List<String> buildBatches(DataConfig data, GlobalContextConfig ctx) {
        List<Community> communities = GraphRagIndex.readCommunities(data);
        List<Entity> entities = GraphRagIndex.readEntities(data);
        List<CommunityReport> allReports = GraphRagIndex.readReports(data);

        Set<String> selected = selectedCommunities(communities, data.communityLevel());
        List<CommunityReport> reports = new ArrayList<>(allReports.stream()
                .filter(r -> r.level() <= data.communityLevel() && selected.contains(r.community()))
                .filter(r -> r.rank() >= ctx.minCommunityRank())
                .toList());
        if (reports.isEmpty()) {
            LOG.warn("no community report at level {} or above in {}; global search will find nothing",
                    data.communityLevel(), GraphRagIndex.tablePath(data, data.communityReportTable()));
        }

        // Weight: how many distinct text units the community's entities come from.
        Map<String, Entity> byId = new HashMap<>();
        entities.forEach(e -> byId.put(e.id(), e));
        Map<String, Double> weights = new HashMap<>();
        for (Community c : communities) {
            if (!selected.contains(c.community())) {
                continue;
            }
            Set<String> units = new HashSet<>();
            for (String entityId : c.entityIds()) {
                Entity e = byId.get(entityId);
                if (e != null) {
                    units.addAll(e.textUnitIds());
                }
            }
            weights.merge(c.community(), (double) units.size(), Math::max);
        }
        if (ctx.normalizeCommunityWeight()) {
            double max = weights.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
            if (max > 0) {
                weights.replaceAll((k, v) -> v / max);
            }
        }
        if (ctx.shuffleData()) {
            Collections.shuffle(reports, new Random(86));
        }

        List<String> header = new ArrayList<>(List.of("id", "title"));
        if (ctx.includeCommunityWeight()) {
            header.add(ctx.communityWeightName());
        }
        header.add("content");
        if (ctx.includeCommunityRank()) {
            header.add(ctx.communityRankName());
        }
        String head = "-----Reports-----\n" + SearchSupport.row(header);
        int headTokens = SearchSupport.tokens(head);

        List<String> batches = new ArrayList<>();
        List<CommunityReport> batch = new ArrayList<>();
        int batchTokens = headTokens;
        for (CommunityReport r : reports) {
            String line = line(r, weights, ctx);
            int t = SearchSupport.tokens(line);
            if (!batch.isEmpty() && batchTokens + t > ctx.maxDataTokens()) {
                batches.add(render(head, batch, weights, ctx));
                batch = new ArrayList<>();
                batchTokens = headTokens;
            }
            batch.add(r);
            batchTokens += t;
        }
        if (!batch.isEmpty()) {
            batches.add(render(head, batch, weights, ctx));
        }
        return batches;
    }

    private static String render(String head, List<CommunityReport> batch, Map<String, Double> weights, GlobalContextConfig ctx) {
        List<CommunityReport> sorted = new ArrayList<>(batch);
        if (ctx.includeCommunityWeight()) {
            sorted.sort(Comparator.<CommunityReport>comparingDouble(r -> weights.getOrDefault(r.community(), 0.0))
                    .thenComparingDouble(CommunityReport::rank).reversed());
        } else if (ctx.includeCommunityRank()) {
            sorted.sort(Comparator.comparingDouble(CommunityReport::rank).reversed());
        }
        StringBuilder sb = new StringBuilder(head);
        sorted.forEach(r -> sb.append(line(r, weights, ctx)));
        return sb.toString();
    }

    private static String line(CommunityReport r, Map<String, Double> weights, GlobalContextConfig ctx) {
        List<String> cells = new ArrayList<>(List.of(r.shortId(), r.title()));
        if (ctx.includeCommunityWeight()) {
            cells.add(SearchSupport.number(weights.getOrDefault(r.community(), 0.0)));
        }
        cells.add(ctx.useCommunitySummary() ? r.summary() : r.fullContent());
        if (ctx.includeCommunityRank()) {
            cells.add(SearchSupport.number(r.rank()));
        }
        return SearchSupport.row(cells);
    }

    /** Options of a {@link GlobalSearchTool}; unset configs take Python's defaults. */
    public static final class Builder {
        private final ChatCompletionClient model;
        private final DataConfig dataConfig;
        private GlobalContextConfig contextConfig = GlobalContextConfig.defaults();
        private MapReduceConfig mapReduceConfig = MapReduceConfig.defaults();

        private Builder(ChatCompletionClient model, DataConfig dataConfig) {
            this.model = Objects.requireNonNull(model, "model");
            this.dataConfig = Objects.requireNonNull(dataConfig, "dataConfig");
        }

        /** How reports are laid out for the map step ({@code context_config}). */
        public Builder contextConfig(GlobalContextConfig value) {
            this.contextConfig = Objects.requireNonNull(value, "contextConfig");
            return this;
        }

        /** The map and reduce model calls ({@code mapreduce_config}). */
        public Builder mapReduceConfig(MapReduceConfig value) {
            this.mapReduceConfig = Objects.requireNonNull(value, "mapReduceConfig");
            return this;
        }

        /** Reads the index and builds the tool. */
        public GlobalSearchTool build() {
            return new GlobalSearchTool(this);
        }
    }
}

package dev.autogen.ext.tools.graphrag;

import dev.autogen.core.CancellationToken;
import dev.autogen.core.models.ChatCompletionClient;
import dev.autogen.core.tools.BaseTool;
import dev.autogen.core.tools.annotation.ToolParam;
import dev.autogen.ext.tools.graphrag.GraphRagIndex.Community;
import dev.autogen.ext.tools.graphrag.GraphRagIndex.CommunityReport;
import dev.autogen.ext.tools.graphrag.GraphRagIndex.Entity;
import dev.autogen.ext.tools.graphrag.GraphRagIndex.Relationship;
import dev.autogen.ext.tools.graphrag.GraphRagIndex.TextUnit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GraphRAG local search as a tool, as Python's {@code LocalSearchTool}: for questions about specific
 * entities. The query is embedded and the entities whose description embeddings are nearest are
 * picked; the context is then built, within {@code max_data_tokens}, from the reports of their
 * communities ({@code community_prop} of the budget), the entities and the relationships among and
 * around them (the rest), and the source text units they come from ({@code text_unit_prop}); the model
 * answers from it.
 *
 * <!-- java-context: import dev.autogen.core.models.ChatCompletionClient; ChatCompletionClient model;
 *      TextEmbedder embedder; -->
 * <pre>{@code
 * var localSearch = LocalSearchTool.builder(model, embedder, DataConfig.of("./output")).build();
 * }</pre>
 *
 * <p>Embeddings are read from {@code entity_embedding_table}: a {@code description_embedding} column
 * keyed by {@code id} (GraphRAG's entities table), or a {@code vector} column (a LanceDB table of
 * GraphRAG's entity description embeddings, exported to parquet; LanceDB's own format has no Java
 * reader). The index is read once, when the tool is built; the tool is then thread-safe.
 */
public final class LocalSearchTool extends BaseTool<LocalSearchTool.LocalSearchToolArgs, LocalSearchTool.LocalSearchToolReturn> {
    private static final Logger LOG = LoggerFactory.getLogger(LocalSearchTool.class);
    /** How many entities the query maps to, as GraphRAG's {@code top_k_mapped_entities}. */
    static final int TOP_K_ENTITIES = 10;
    /** Relationships per mapped entity, as GraphRAG's {@code top_k_relationships}. */
    static final int TOP_K_RELATIONSHIPS = 10;

    /** The tool's argument. */
    public record LocalSearchToolArgs(@ToolParam("The user query to perform local search on.") String query) {
    }

    /** The tool's result. */
    public record LocalSearchToolReturn(String answer) {
    }

    private final ChatCompletionClient model;
    private final TextEmbedder embedder;
    private final LocalContextConfig contextConfig;
    private final SearchConfig searchConfig;
    private final List<Entity> entities;
    private final Map<String, float[]> embeddings;
    private final List<Relationship> relationships;
    private final Map<String, TextUnit> textUnits;
    private final Map<String, List<String>> entityCommunities;
    private final Map<String, CommunityReport> reports;

    private LocalSearchTool(Builder b) {
        super(LocalSearchToolArgs.class, "local_search_tool", "Perform a local search with given parameters using graphrag.");
        this.model = b.model;
        this.embedder = b.embedder;
        this.contextConfig = b.contextConfig;
        this.searchConfig = b.searchConfig;
        DataConfig data = b.dataConfig;
        this.entities = GraphRagIndex.readEntities(data);
        this.embeddings = GraphRagIndex.readEmbeddings(data);
        this.relationships = GraphRagIndex.readRelationships(data);
        Map<String, TextUnit> units = new LinkedHashMap<>();
        GraphRagIndex.readTextUnits(data).forEach(u -> units.put(u.id(), u));
        this.textUnits = Map.copyOf(units);
        List<Community> communities = GraphRagIndex.readCommunities(data);
        // Each entity belongs to its deepest community at or above the level, as GraphRAG reads entities.
        Map<String, Community> deepest = new HashMap<>();
        for (Community c : communities) {
            if (c.level() <= data.communityLevel()) {
                for (String e : c.entityIds()) {
                    Community current = deepest.get(e);
                    if (current == null || c.level() > current.level()) {
                        deepest.put(e, c);
                    }
                }
            }
        }
        Map<String, List<String>> byEntity = new HashMap<>();
        deepest.forEach((e, c) -> byEntity.put(e, List.of(c.community())));
        this.entityCommunities = Map.copyOf(byEntity);
        Map<String, CommunityReport> byCommunity = new HashMap<>();
        if (Files.isRegularFile(GraphRagIndex.tablePath(data, data.communityReportTable()))) {
            for (CommunityReport r : GraphRagIndex.readReports(data)) {
                if (r.level() <= data.communityLevel()) {
                    byCommunity.put(r.community(), r);
                }
            }
        } else {
            // Python's local tool reads no reports; without the file the reports' share goes unused.
            LOG.info("no {} in {}: local search answers without community reports",
                    data.communityReportTable() + ".parquet", data.inputDir());
        }
        this.reports = Map.copyOf(byCommunity);
        long missing = entities.stream().filter(e -> !embeddings.containsKey(e.id())).count();
        if (embeddings.isEmpty()) {
            throw new IllegalArgumentException(GraphRagIndex.tablePath(data, data.entityEmbeddingTable())
                    + " holds no entity description embedding: local search needs them to find entities");
        }
        if (missing > 0) {
            LOG.warn("{} of {} entities have no description embedding; local search cannot find them",
                    missing, entities.size());
        }
    }

    /** A builder for a tool over the index {@code dataConfig} names, embedding queries with {@code embedder}. */
    public static Builder builder(ChatCompletionClient model, TextEmbedder embedder, DataConfig dataConfig) {
        return new Builder(model, embedder, dataConfig);
    }

    /**
     * A tool over the index a GraphRAG project wrote: {@code output.base_dir} is read from
     * {@code settings.yaml} in {@code rootDir} (or {@code configFile}, relative to it), the rest takes
     * Python's defaults.
     */
    public static LocalSearchTool fromSettings(Path rootDir, @Nullable Path configFile, ChatCompletionClient model,
            TextEmbedder embedder) {
        return builder(model, embedder, DataConfig.of(SearchSupport.outputDir(rootDir, configFile).toString())).build();
    }

    @Override
    public LocalSearchToolReturn run(LocalSearchToolArgs args, CancellationToken cancellationToken) throws Exception {
        String query = Objects.requireNonNull(args.query(), "query");
        String context = buildContext(query);
        cancellationToken.throwIfCancelled();
        String answer = SearchSupport.ask(model, Prompts.local(context, searchConfig.responseType()), query,
                searchConfig.maxTokens(), searchConfig.temperature(), false, cancellationToken);
        return new LocalSearchToolReturn(answer);
    }

    /** The context local search gives the model for {@code query}: reports, entities, relationships, sources. */
    public String buildContext(String query) throws Exception {
        List<Entity> selected = nearestEntities(embedder.embed(query));
        int budget = contextConfig.maxDataTokens();
        int communityBudget = (int) (budget * contextConfig.communityProp());
        int textUnitBudget = (int) (budget * contextConfig.textUnitProp());
        int localBudget = budget - communityBudget - textUnitBudget;

        List<String> sections = new ArrayList<>();
        String reportSection = reportsContext(selected, communityBudget);
        if (!reportSection.isEmpty()) {
            sections.add(reportSection);
        }
        sections.add(localContext(selected, localBudget));
        String sources = sourcesContext(selected, textUnitBudget);
        if (!sources.isEmpty()) {
            sections.add(sources);
        }
        return String.join("\n\n", sections);
    }

    List<Entity> nearestEntities(float[] query) {
        record Scored(Entity entity, double similarity) {
        }
        List<Scored> scored = new ArrayList<>();
        for (Entity e : entities) {
            float[] v = embeddings.get(e.id());
            if (v != null) {
                if (v.length != query.length) {
                    throw new IllegalArgumentException("the query embedding has " + query.length
                            + " dimensions but entity '" + e.title() + "' was embedded with " + v.length
                            + ": embed queries with the model that built the index");
                }
                scored.add(new Scored(e, cosine(query, v)));
            }
        }
        scored.sort(Comparator.comparingDouble(Scored::similarity).reversed());
        return scored.stream().limit(TOP_K_ENTITIES).map(Scored::entity).toList();
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / (Math.sqrt(na) * Math.sqrt(nb));
    }

    private String reportsContext(List<Entity> selected, int budget) {
        if (reports.isEmpty() || budget <= 0) {
            return "";
        }
        Map<String, Integer> matches = new LinkedHashMap<>();
        for (Entity e : selected) {
            for (String c : entityCommunities.getOrDefault(e.id(), List.of())) {
                if (reports.containsKey(c)) {
                    matches.merge(c, 1, Integer::sum);
                }
            }
        }
        List<CommunityReport> ranked = new ArrayList<>(matches.keySet().stream().map(reports::get).toList());
        ranked.sort(Comparator.<CommunityReport>comparingInt(r -> matches.get(r.community()))
                .thenComparingDouble(CommunityReport::rank).reversed());
        StringBuilder sb = new StringBuilder("-----Reports-----\n").append(SearchSupport.row(List.of("id", "title", "content")));
        int used = SearchSupport.tokens(sb.toString());
        int rows = 0;
        for (CommunityReport r : ranked) {
            String line = SearchSupport.row(List.of(r.shortId(), r.title(), r.fullContent()));
            int t = SearchSupport.tokens(line);
            if (used + t > budget) {
                break;
            }
            sb.append(line);
            used += t;
            rows++;
        }
        return rows == 0 ? "" : sb.toString().strip();
    }

    private String localContext(List<Entity> selected, int budget) {
        List<String> entityHeader = new ArrayList<>(List.of("id", "entity", "description"));
        if (contextConfig.includeEntityRank()) {
            entityHeader.add(contextConfig.rankDescription());
        }
        StringBuilder entitiesTable = new StringBuilder("-----Entities-----\n").append(SearchSupport.row(entityHeader));
        int used = SearchSupport.tokens(entitiesTable.toString());
        List<Entity> included = new ArrayList<>();
        for (Entity e : selected) {
            List<String> cells = new ArrayList<>(List.of(e.shortId(), e.title(), e.description()));
            if (contextConfig.includeEntityRank()) {
                cells.add(Integer.toString(e.degree()));
            }
            String line = SearchSupport.row(cells);
            int t = SearchSupport.tokens(line);
            if (used + t > budget) {
                break;
            }
            entitiesTable.append(line);
            used += t;
            included.add(e);
        }

        List<String> relHeader = new ArrayList<>(List.of("id", "source", "target", "description"));
        if (contextConfig.includeRelationshipWeight()) {
            relHeader.add("weight");
        }
        relHeader.add("links");
        String relHead = "-----Relationships-----\n" + SearchSupport.row(relHeader);
        StringBuilder relTable = new StringBuilder(relHead);
        used += SearchSupport.tokens(relHead);
        int relRows = 0;
        Map<String, Integer> links = new HashMap<>();
        Set<String> titles = new HashSet<>();
        included.forEach(e -> titles.add(e.title()));
        for (Relationship r : relationships) {
            int n = (titles.contains(r.source()) ? 1 : 0) + (titles.contains(r.target()) ? 1 : 0);
            if (n > 0) {
                links.put(r.id(), n);
            }
        }
        Comparator<Relationship> byRanking = Comparator.comparingDouble(r ->
                contextConfig.relationshipRankingAttribute().equals("weight") ? r.weight() : r.combinedDegree());
        List<Relationship> inNetwork = relationships.stream().filter(r -> links.getOrDefault(r.id(), 0) == 2)
                .sorted(byRanking.reversed()).toList();
        List<Relationship> outNetwork = relationships.stream().filter(r -> links.getOrDefault(r.id(), 0) == 1)
                .sorted(Comparator.<Relationship>comparingInt(r -> links.get(r.id())).thenComparing(byRanking).reversed())
                .toList();
        List<Relationship> candidates = new ArrayList<>(inNetwork);
        candidates.addAll(outNetwork);
        int limit = TOP_K_RELATIONSHIPS * Math.max(1, included.size());
        for (Relationship r : candidates.subList(0, Math.min(limit, candidates.size()))) {
            List<String> cells = new ArrayList<>(List.of(r.shortId(), r.source(), r.target(), r.description()));
            if (contextConfig.includeRelationshipWeight()) {
                cells.add(SearchSupport.number(r.weight()));
            }
            cells.add(Integer.toString(links.get(r.id())));
            String line = SearchSupport.row(cells);
            int t = SearchSupport.tokens(line);
            if (used + t > budget) {
                break;
            }
            relTable.append(line);
            used += t;
            relRows++;
        }
        String out = entitiesTable.toString().strip();
        if (relRows > 0) {
            out += "\n\n" + relTable.toString().strip();
        }
        return out;
    }

    private String sourcesContext(List<Entity> selected, int budget) {
        Set<String> relationshipIdsOfSelected = new HashSet<>();
        Set<String> titles = new HashSet<>();
        selected.forEach(e -> titles.add(e.title()));
        for (Relationship r : relationships) {
            if (titles.contains(r.source()) || titles.contains(r.target())) {
                relationshipIdsOfSelected.add(r.id());
            }
        }
        record Ranked(TextUnit unit, int entityOrder, int relationshipCount) {
        }
        Set<String> seen = new LinkedHashSet<>();
        List<Ranked> ranked = new ArrayList<>();
        for (int i = 0; i < selected.size(); i++) {
            for (String unitId : selected.get(i).textUnitIds()) {
                TextUnit unit = textUnits.get(unitId);
                if (unit != null && seen.add(unitId)) {
                    int count = (int) unit.relationshipIds().stream().filter(relationshipIdsOfSelected::contains).count();
                    ranked.add(new Ranked(unit, i, count));
                }
            }
        }
        ranked.sort(Comparator.comparingInt(Ranked::entityOrder)
                .thenComparing(Comparator.comparingInt(Ranked::relationshipCount).reversed()));
        StringBuilder sb = new StringBuilder("-----Sources-----\n").append(SearchSupport.row(List.of("id", "text")));
        int used = SearchSupport.tokens(sb.toString());
        int rows = 0;
        for (Ranked r : ranked) {
            String line = SearchSupport.row(List.of(r.unit().shortId(), r.unit().text()));
            int t = SearchSupport.tokens(line);
            if (used + t > budget) {
                break;
            }
            sb.append(line);
            used += t;
            rows++;
        }
        return rows == 0 ? "" : sb.toString().strip();
    }

    /** Options of a {@link LocalSearchTool}; unset configs take Python's defaults. */
    public static final class Builder {
        private final ChatCompletionClient model;
        private final TextEmbedder embedder;
        private final DataConfig dataConfig;
        private LocalContextConfig contextConfig = LocalContextConfig.defaults();
        private SearchConfig searchConfig = SearchConfig.defaults();

        private Builder(ChatCompletionClient model, TextEmbedder embedder, DataConfig dataConfig) {
            this.model = Objects.requireNonNull(model, "model");
            this.embedder = Objects.requireNonNull(embedder, "embedder");
            this.dataConfig = Objects.requireNonNull(dataConfig, "dataConfig");
        }

        /** How the context is built ({@code context_config}). */
        public Builder contextConfig(LocalContextConfig value) {
            this.contextConfig = Objects.requireNonNull(value, "contextConfig");
            return this;
        }

        /** The answer's model call ({@code search_config}). */
        public Builder searchConfig(SearchConfig value) {
            this.searchConfig = Objects.requireNonNull(value, "searchConfig");
            return this;
        }

        /** Reads the index and builds the tool. */
        public LocalSearchTool build() {
            return new LocalSearchTool(this);
        }
    }
}

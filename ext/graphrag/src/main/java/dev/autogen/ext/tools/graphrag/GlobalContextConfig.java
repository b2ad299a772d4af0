package dev.autogen.ext.tools.graphrag;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * How global search lays out community reports for the map step, with Python's field names and
 * defaults ({@code GlobalContextConfig}).
 *
 * @param maxDataTokens the token budget of one batch of reports (one map call)
 * @param useCommunitySummary use each report's summary instead of its full content
 * @param shuffleData shuffle reports (with a fixed seed) before batching, so batches mix communities
 * @param includeCommunityRank add the report's rank as a column
 * @param minCommunityRank leave out reports ranked lower
 * @param communityRankName the rank column's header
 * @param includeCommunityWeight add the community's weight (how many text units its entities appear in)
 * @param communityWeightName the weight column's header
 * @param normalizeCommunityWeight divide weights by the largest
 */
public record GlobalContextConfig(
        @JsonProperty("max_data_tokens") int maxDataTokens,
        @JsonProperty("use_community_summary") boolean useCommunitySummary,
        @JsonProperty("shuffle_data") boolean shuffleData,
        @JsonProperty("include_community_rank") boolean includeCommunityRank,
        @JsonProperty("min_community_rank") int minCommunityRank,
        @JsonProperty("community_rank_name") String communityRankName,
        @JsonProperty("include_community_weight") boolean includeCommunityWeight,
        @JsonProperty("community_weight_name") String communityWeightName,
        @JsonProperty("normalize_community_weight") boolean normalizeCommunityWeight) {

    public GlobalContextConfig {
        if (maxDataTokens <= 0) {
            throw new IllegalArgumentException("max_data_tokens must be positive, got " + maxDataTokens);
        }
    }

    /** From Python-shaped JSON; absent fields take Python's defaults. */
    @JsonCreator
    static GlobalContextConfig fromJson(
            @JsonProperty("max_data_tokens") @Nullable Integer maxDataTokens,
            @JsonProperty("use_community_summary") @Nullable Boolean useCommunitySummary,
            @JsonProperty("shuffle_data") @Nullable Boolean shuffleData,
            @JsonProperty("include_community_rank") @Nullable Boolean includeCommunityRank,
            @JsonProperty("min_community_rank") @Nullable Integer minCommunityRank,
            @JsonProperty("community_rank_name") @Nullable String communityRankName,
            @JsonProperty("include_community_weight") @Nullable Boolean includeCommunityWeight,
            @JsonProperty("community_weight_name") @Nullable String communityWeightName,
            @JsonProperty("normalize_community_weight") @Nullable Boolean normalizeCommunityWeight) {
        Builder b = builder();
        if (maxDataTokens != null) b.maxDataTokens(maxDataTokens);
        if (useCommunitySummary != null) b.useCommunitySummary(useCommunitySummary);
        if (shuffleData != null) b.shuffleData(shuffleData);
        if (includeCommunityRank != null) b.includeCommunityRank(includeCommunityRank);
        if (minCommunityRank != null) b.minCommunityRank(minCommunityRank);
        if (communityRankName != null) b.communityRankName(communityRankName);
        if (includeCommunityWeight != null) b.includeCommunityWeight(includeCommunityWeight);
        if (communityWeightName != null) b.communityWeightName(communityWeightName);
        if (normalizeCommunityWeight != null) b.normalizeCommunityWeight(normalizeCommunityWeight);
        return b.build();
    }

    /** Python's defaults. */
    public static GlobalContextConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link GlobalContextConfig}; unset fields take Python's defaults. */
    public static final class Builder {
        private int maxDataTokens = 12000;
        private boolean useCommunitySummary = false;
        private boolean shuffleData = true;
        private boolean includeCommunityRank = true;
        private int minCommunityRank = 0;
        private String communityRankName = "rank";
        private boolean includeCommunityWeight = true;
        private String communityWeightName = "occurrence weight";
        private boolean normalizeCommunityWeight = true;

        public Builder maxDataTokens(int v) { this.maxDataTokens = v; return this; }
        public Builder useCommunitySummary(boolean v) { this.useCommunitySummary = v; return this; }
        public Builder shuffleData(boolean v) { this.shuffleData = v; return this; }
        public Builder includeCommunityRank(boolean v) { this.includeCommunityRank = v; return this; }
        public Builder minCommunityRank(int v) { this.minCommunityRank = v; return this; }
        public Builder communityRankName(String v) { this.communityRankName = v; return this; }
        public Builder includeCommunityWeight(boolean v) { this.includeCommunityWeight = v; return this; }
        public Builder communityWeightName(String v) { this.communityWeightName = v; return this; }
        public Builder normalizeCommunityWeight(boolean v) { this.normalizeCommunityWeight = v; return this; }

        public GlobalContextConfig build() {
            return new GlobalContextConfig(maxDataTokens, useCommunitySummary, shuffleData, includeCommunityRank,
                    minCommunityRank, communityRankName, includeCommunityWeight, communityWeightName,
                    normalizeCommunityWeight);
        }
    }
}

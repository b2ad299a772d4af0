package dev.autogen.ext.tools.graphrag;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * How local search builds its context, with Python's field names and defaults
 * ({@code LocalContextConfig}): the token budget is shared between text units
 * ({@code text_unit_prop}), community reports ({@code community_prop}) and the rest, entities and
 * relationships.
 *
 * @param maxDataTokens the whole context's token budget
 * @param textUnitProp the share of the budget for source text units
 * @param communityProp the share for community reports
 * @param includeEntityRank add each entity's number of relationships as a column
 * @param rankDescription that column's header
 * @param includeRelationshipWeight add each relationship's weight as a column
 * @param relationshipRankingAttribute the relationship column ranking out-of-network relationships
 *     ({@code rank}: the sum of both ends' degrees; or {@code weight})
 */
public record LocalContextConfig(
        @JsonProperty("max_data_tokens") int maxDataTokens,
        @JsonProperty("text_unit_prop") double textUnitProp,
        @JsonProperty("community_prop") double communityProp,
        @JsonProperty("include_entity_rank") boolean includeEntityRank,
        @JsonProperty("rank_description") String rankDescription,
        @JsonProperty("include_relationship_weight") boolean includeRelationshipWeight,
        @JsonProperty("relationship_ranking_attribute") String relationshipRankingAttribute) {

    public LocalContextConfig {
        if (maxDataTokens <= 0) {
            throw new IllegalArgumentException("max_data_tokens must be positive, got " + maxDataTokens);
        }
        if (textUnitProp < 0 || communityProp < 0 || textUnitProp + communityProp > 1) {
            throw new IllegalArgumentException("text_unit_prop and community_prop must be 0 or more and add up to"
                    + " at most 1, got " + textUnitProp + " and " + communityProp);
        }
    }

    /** From Python-shaped JSON; absent fields take Python's defaults. */
    @JsonCreator
    static LocalContextConfig fromJson(
            @JsonProperty("max_data_tokens") @Nullable Integer maxDataTokens,
            @JsonProperty("text_unit_prop") @Nullable Double textUnitProp,
            @JsonProperty("community_prop") @Nullable Double communityProp,
            @JsonProperty("include_entity_rank") @Nullable Boolean includeEntityRank,
            @JsonProperty("rank_description") @Nullable String rankDescription,
            @JsonProperty("include_relationship_weight") @Nullable Boolean includeRelationshipWeight,
            @JsonProperty("relationship_ranking_attribute") @Nullable String relationshipRankingAttribute) {
        Builder b = builder();
        if (maxDataTokens != null) b.maxDataTokens(maxDataTokens);
        if (textUnitProp != null) b.textUnitProp(textUnitProp);
        if (communityProp != null) b.communityProp(communityProp);
        if (includeEntityRank != null) b.includeEntityRank(includeEntityRank);
        if (rankDescription != null) b.rankDescription(rankDescription);
        if (includeRelationshipWeight != null) b.includeRelationshipWeight(includeRelationshipWeight);
        if (relationshipRankingAttribute != null) b.relationshipRankingAttribute(relationshipRankingAttribute);
        return b.build();
    }

    /** Python's defaults. */
    public static LocalContextConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link LocalContextConfig}; unset fields take Python's defaults. */
    public static final class Builder {
        private int maxDataTokens = 8000;
        private double textUnitProp = 0.5;
        private double communityProp = 0.25;
        private boolean includeEntityRank = true;
        private String rankDescription = "number of relationships";
        private boolean includeRelationshipWeight = true;
        private String relationshipRankingAttribute = "rank";

        public Builder maxDataTokens(int v) { this.maxDataTokens = v; return this; }
        public Builder textUnitProp(double v) { this.textUnitProp = v; return this; }
        public Builder communityProp(double v) { this.communityProp = v; return this; }
        public Builder includeEntityRank(boolean v) { this.includeEntityRank = v; return this; }
        public Builder rankDescription(String v) { this.rankDescription = v; return this; }
        public Builder includeRelationshipWeight(boolean v) { this.includeRelationshipWeight = v; return this; }
        public Builder relationshipRankingAttribute(String v) { this.relationshipRankingAttribute = v; return this; }

        public LocalContextConfig build() {
            return new LocalContextConfig(maxDataTokens, textUnitProp, communityProp, includeEntityRank,
                    rankDescription, includeRelationshipWeight, relationshipRankingAttribute);
        }
    }
}

package dev.autogen.ext.tools.graphrag;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * A small GraphRAG index written as parquet with DuckDB, in the column layout GraphRAG's indexer
 * writes: four entities of a story about an activist group and a gas company, three relationships,
 * three text units, and communities at levels 0, 1 and 2 with a report each.
 */
final class TestIndex {
    private TestIndex() {
    }

    static void write(Path dir) throws Exception {
        sql(dir, """
                COPY (SELECT * FROM (VALUES
                  ('e1', 0, 'ABILA CITY PARK', 'LOCATION', 'A park in Abila where rallies gather', ['t1'], 2, [1.0, 0.0, 0.0]::FLOAT[]),
                  ('e2', 1, 'POK', 'ORGANIZATION', 'Protectors of Kronos, an activist group', ['t1', 't2'], 3, [0.9, 0.1, 0.0]::FLOAT[]),
                  ('e3', 2, 'GASTECH', 'ORGANIZATION', 'A gas company drilling in Abila', ['t2', 't3'], 2, [0.0, 1.0, 0.0]::FLOAT[]),
                  ('e4', 3, 'KRONOS', 'GEO', 'An island nation', ['t3'], 1, [0.0, 0.0, 1.0]::FLOAT[])
                ) t(id, human_readable_id, title, type, description, text_unit_ids, degree, description_embedding))
                TO '%s/entities.parquet' (FORMAT PARQUET)""");
        sql(dir, """
                COPY (SELECT * FROM (VALUES
                  ('r1', 0, 'POK', 'ABILA CITY PARK', 'POK holds rallies in Abila City Park', 2.0, 5, ['t1']),
                  ('r2', 1, 'POK', 'GASTECH', 'POK protests against GasTech', 1.0, 5, ['t2']),
                  ('r3', 2, 'GASTECH', 'KRONOS', 'GasTech drills on Kronos', 1.0, 3, ['t3'])
                ) t(id, human_readable_id, source, target, description, weight, combined_degree, text_unit_ids))
                TO '%s/relationships.parquet' (FORMAT PARQUET)""");
        sql(dir, """
                COPY (SELECT * FROM (VALUES
                  ('t1', 0, 'The rally at Abila City Park was organised by POK.', 11, ['r1']),
                  ('t2', 1, 'POK protested against the drilling of GasTech.', 10, ['r2']),
                  ('t3', 2, 'GasTech operates wells on Kronos.', 7, ['r3'])
                ) t(id, human_readable_id, text, n_tokens, relationship_ids))
                TO '%s/text_units.parquet' (FORMAT PARQUET)""");
        sql(dir, """
                COPY (SELECT * FROM (VALUES
                  ('c0', 0, 0, 0, -1, ['e1', 'e2', 'e3', 'e4']),
                  ('c1', 1, 1, 1, 0, ['e1', 'e2']),
                  ('c2', 2, 2, 1, 0, ['e3', 'e4']),
                  ('c3', 3, 3, 2, 1, ['e1'])
                ) t(id, human_readable_id, community, level, parent, entity_ids))
                TO '%s/communities.parquet' (FORMAT PARQUET)""");
        sql(dir, """
                COPY (SELECT * FROM (VALUES
                  ('k0', 0, 0, 0, 'Kronos overview', 'Everything on Kronos.', 'The whole island of Kronos and its people.', 5.0),
                  ('k1', 1, 1, 1, 'POK and the park', 'POK rallies.', 'POK organises rallies in Abila City Park.', 8.0),
                  ('k2', 2, 2, 1, 'GasTech on Kronos', 'GasTech drills.', 'GasTech drills wells on Kronos.', 6.0),
                  ('k3', 3, 3, 2, 'Abila City Park', 'The park.', 'The park hosts weekly gatherings.', 2.0)
                ) t(id, human_readable_id, community, level, title, summary, full_content, rank))
                TO '%s/community_reports.parquet' (FORMAT PARQUET)""");
    }

    static void sql(Path dir, String statement) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute(statement.formatted(dir.toAbsolutePath().toString().replace("'", "''")));
        }
    }
}

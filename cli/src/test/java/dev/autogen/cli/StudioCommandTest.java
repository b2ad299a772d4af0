package dev.autogen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class StudioCommandTest {
    @TempDir
    Path dir;

    @Test
    @Timeout(180)
    void studioServesUntilStoppedAndKeepsItsDatabaseInTheAppDir() throws Exception {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
                "-cp", System.getProperty("java.class.path"), AutogenCommand.class.getName(), "studio", "--port", "0",
                "--appdir", dir.toString()));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (var out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line = out.readLine();
            assertThat(line).startsWith("AutoGen Studio listening on http://127.0.0.1:");
            String url = line.substring("AutoGen Studio listening on ".length(), line.indexOf(';'));
            var http = HttpClient.newHttpClient();
            var health = http.send(HttpRequest.newBuilder(URI.create(url + "/api/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("Service is healthy");
            var teams = http.send(HttpRequest.newBuilder(URI.create(url + "/api/teams/?user_id=u")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(teams.body()).contains("RoundRobinGroupChat");
        } finally {
            process.destroy();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the studio stops on SIGTERM").isTrue();
        }
        assertThat(Files.exists(dir.resolve("studio.db"))).isTrue();
        assertThat(Files.exists(dir.resolve("studio.key"))).isTrue();
    }

    @Test
    @Timeout(180)
    void serveExposesOneTeamAtPredict() throws Exception {
        Path team = dir.resolve("team.json");
        assertThat(Cli.run("dump", "reflection").exitCode()).isZero();
        Files.writeString(team, Cli.run("dump", "reflection").out());
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
                "-cp", System.getProperty("java.class.path"), AutogenCommand.class.getName(), "studio", "serve",
                "--team", team.toString(), "--port", "0"));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (var out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line = out.readLine();
            assertThat(line).startsWith("Team " + team + " served on http://127.0.0.1:");
            String url = line.substring(line.indexOf("http://"), line.indexOf("/predict/"));
            var answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url
                    + "/predict/Write%20a%20short%20poem%20about%20the%20fall%20season.")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.body()).contains("\"status\":true").contains("APPROVE");
        } finally {
            process.destroy();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void aStudioOtherMachinesReachNeedsAToken() {
        Cli cli = CliProcess.run(Map.of(), "studio", "--host", "0.0.0.0", "--port", "0", "--appdir", dir.toString());
        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.err()).contains("autogen studio: binding 0.0.0.0").contains("--auth-token");
    }

    @Test
    void aBadDatabaseUriIsNamed() {
        Cli cli = CliProcess.run(Map.of(), "studio", "--port", "0", "--appdir", dir.toString(),
                "--database-uri", "jdbc:mysql://db/x");
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("jdbc:mysql://db/x").contains("jdbc:sqlite:");
    }
}

import { describe, expect, it } from "vitest";
import { buildGraph, issuesByNode, ROOT_ID } from "./teamGraph";
import { dropComponent, newTeam } from "./teamEdit";
import { layout } from "./layout";
import { agent, replayModel, textTermination, tool } from "./fixtures.test-util";
import type { Component } from "../api/types";

function built(): Component {
  let team = newTeam();
  for (const step of [
    [agent("writer"), null], [agent("critic"), null],
    [replayModel, ["config", "participants", 0]], [replayModel, ["config", "participants", 1]],
    [tool, ["config", "participants", 0]], [textTermination, null],
  ] as const) {
    const r = dropComponent(team, step[0], step[1] ? [...step[1]] : null);
    if (!r.ok) throw new Error(r.error);
    team = r.team;
  }
  return team;
}

describe("buildGraph", () => {
  it("has the team, participants, models, workbench, tool and termination as connected nodes", () => {
    const graph = buildGraph(built());
    expect(graph.nodes.map((n) => `${n.kind}:${n.label}`)).toEqual([
      "team:new_team", "agent:writer", "model:Scripted", "workbench:StaticWorkbench", "tool:calculator",
      "agent:critic", "model:Scripted", "termination:Text",
    ]);
    expect(graph.edges.map((e) => `${e.source}->${e.target}`)).toContain(`${ROOT_ID}->config.participants[0]`);
    expect(graph.edges.map((e) => e.field)).toContain("termination_condition");
    // model contexts stay out of the graph
    expect(graph.nodes.some((n) => n.provider.includes("ChatCompletionContext"))).toBe(false);
  });

  it("puts each validation error on the deepest node its field names", () => {
    const graph = buildGraph(built());
    const byNode = issuesByNode(graph, [
      { field: "component.config.participants[1].config.model_client.config.chat_completions", error: "bad" },
      { field: "component.config.participants[0]", error: "names" },
      { field: "component", error: "whole" },
    ]);
    expect(byNode.get("config.participants[1].config.model_client")?.[0].error).toBe("bad");
    expect(byNode.get("config.participants[0]")?.[0].error).toBe("names");
    expect(byNode.get(ROOT_ID)?.[0].error).toBe("whole");
  });

  it("lays out every node, the team above its participants", () => {
    const graph = buildGraph(built());
    const positions = layout(graph);
    expect(positions.size).toBe(graph.nodes.length);
    expect(positions.get(ROOT_ID)!.y).toBeLessThan(positions.get("config.participants[0]")!.y);
  });
});

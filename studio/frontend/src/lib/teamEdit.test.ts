import { describe, expect, it } from "vitest";
import { dropComponent, newTeam, parseComponent, removeNode, setConfigField } from "./teamEdit";
import { agent, orTermination, replayModel, textTermination, tool } from "./fixtures.test-util";
import type { Component } from "../api/types";

function drop(team: Component, c: Component, target: (string | number)[] | null): Component {
  const r = dropComponent(team, c, target);
  if (!r.ok) throw new Error(r.error);
  return r.team;
}

describe("dropComponent", () => {
  it("adds agents as participants with unique names and copies, never shared objects", () => {
    const a = agent("assistant_agent");
    const team = drop(drop(newTeam(), a, null), a, null);
    const names = (team.config.participants as unknown as Component[]).map((p) => p.config.name);
    expect(names).toEqual(["assistant_agent", "assistant_agent_2"]);
    expect(a.config.name).toBe("assistant_agent");
  });

  it("gives a model client to the agent dropped on, or to the agent above the node dropped on", () => {
    let team = drop(newTeam(), agent("a"), null);
    team = drop(team, tool, ["config", "participants", 0]);
    team = drop(team, replayModel, ["config", "participants", 0, "config", "workbench", 0]);
    expect((team.config.participants as unknown as Component[])[0].config.model_client).toEqual(replayModel);
  });

  it("refuses a model on the empty canvas of a round-robin team only when no team can take it", () => {
    expect(dropComponent(newTeam(), tool, null).ok).toBe(false);
    expect(dropComponent(newTeam(), replayModel, null).ok).toBe(true); // selector teams have a model
  });

  it("puts tools in the agent's first workbench and combines terminations", () => {
    let team = drop(newTeam(), agent("a"), null);
    team = drop(team, tool, ["config", "participants", 0]);
    team = drop(team, tool, ["config", "participants", 0]);
    const bench = ((team.config.participants as unknown as Component[])[0].config.workbench as unknown as Component[])[0];
    expect((bench.config.tools as unknown as Component[]).length).toBe(2);
    team = drop(team, orTermination, null);
    team = drop(team, textTermination, ["config", "termination_condition"]);
    expect(((team.config.termination_condition as unknown as Component).config.conditions as unknown as Component[]).length).toBe(2);
  });

  it("removes nodes and edits fields", () => {
    let team = drop(drop(newTeam(), agent("a"), null), agent("b"), null);
    team = removeNode(team, ["config", "participants", 0]);
    team = setConfigField(team, ["config", "participants", 0], "name", "critic");
    expect((team.config.participants as unknown as Component[]).map((p) => p.config.name)).toEqual(["critic"]);
  });
});

describe("parseComponent", () => {
  it("explains what is wrong", () => {
    expect(parseComponent("{").ok).toBe(false);
    const notComponent = parseComponent("{\"a\":1}");
    expect(notComponent.ok || notComponent.error).toContain("provider");
    expect(parseComponent(JSON.stringify(newTeam())).ok).toBe(true);
  });
});

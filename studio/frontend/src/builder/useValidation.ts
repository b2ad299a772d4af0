// Validates the team with the server (`POST /api/validate/`) a moment after each change.
import { useEffect, useState } from "react";
import { api } from "../api/client";
import type { Component, ValidationResult } from "../api/types";

export function useValidation(team: Component, delayMs = 350): { result: ValidationResult | null; error: string | null } {
  const [result, setResult] = useState<ValidationResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    const timer = window.setTimeout(() => {
      api.validate(team)
        .then((r) => { if (live) { setResult(r); setError(null); } })
        .catch((e: Error) => { if (live) setError(`Validation failed: ${e.message}`); });
    }, delayMs);
    return () => { live = false; window.clearTimeout(timer); };
  }, [team, delayMs]);
  return { result, error };
}

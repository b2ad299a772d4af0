// Fits the view of the React Flow around it whenever the graph's shape changes (nodes or edges added),
// which the fitView prop does only once, at mount.
import { useEffect } from "react";
import { useReactFlow } from "@xyflow/react";

export function FitOnChange({ shape, maxZoom = 1 }: { shape: string; maxZoom?: number }) {
  const flow = useReactFlow();
  useEffect(() => {
    const frame = requestAnimationFrame(() => void flow.fitView({ padding: 0.15, maxZoom }));
    return () => cancelAnimationFrame(frame);
  }, [flow, shape, maxZoom]);
  return null;
}
